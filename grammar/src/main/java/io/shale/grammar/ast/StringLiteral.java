package io.shale.grammar.ast;

import java.util.Objects;

/** A string constant, already unescaped. */
public record StringLiteral(String value, int position) implements Expression {
    public StringLiteral {
        Objects.requireNonNull(value, "value");
    }
}
