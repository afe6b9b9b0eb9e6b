package io.shale.grammar.ast;

import java.util.Objects;

/** A decimal or exponent numeric literal, kept as written (a leading minus is folded in). */
public record DecimalLiteral(String text, int position) implements Expression {
    public DecimalLiteral {
        Objects.requireNonNull(text, "text");
    }
}
