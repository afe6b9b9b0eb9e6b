package io.shale.grammar.ast;

import java.util.Objects;

/** AND or OR. */
public record LogicalBinary(LogicalOperator operator, Expression left, Expression right, int position) implements Expression {
    public LogicalBinary {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }
}
