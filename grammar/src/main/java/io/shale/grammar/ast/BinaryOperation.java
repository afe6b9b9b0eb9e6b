package io.shale.grammar.ast;

import java.util.Objects;

/** A binary operator application, including comparisons and OPERATOR(schema.op). */
public record BinaryOperation(OperatorName operator, Expression left, Expression right, int position) implements Expression {
    public BinaryOperation {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }
}
