package io.shale.grammar.ast;

import java.util.Objects;

/** An array subscript a[i]. */
public record Subscript(Expression base, Expression index, int position) implements Expression {
    public Subscript {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(index, "index");
    }
}
