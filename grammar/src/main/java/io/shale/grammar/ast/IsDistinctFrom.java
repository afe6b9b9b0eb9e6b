package io.shale.grammar.ast;

import java.util.Objects;

/** IS [NOT] DISTINCT FROM. */
public record IsDistinctFrom(Expression left, Expression right, boolean negated, int position) implements Expression {
    public IsDistinctFrom {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }
}
