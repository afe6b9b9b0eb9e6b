package io.shale.grammar.ast;

import java.util.Objects;

/** An integer numeric literal, kept as written (a leading minus is folded in). */
public record IntegerLiteral(String text, int position) implements Expression {
    public IntegerLiteral {
        Objects.requireNonNull(text, "text");
    }
}
