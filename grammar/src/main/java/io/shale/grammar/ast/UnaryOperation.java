package io.shale.grammar.ast;

import java.util.Objects;

/** A prefix operator application such as -x or ~x. */
public record UnaryOperation(OperatorName operator, Expression operand, int position) implements Expression {
    public UnaryOperation {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operand, "operand");
    }
}
