package io.shale.grammar.ast;

import java.util.Objects;

/** left op ANY/ALL (array expression). */
public record QuantifiedArray(OperatorName operator, Quantifier quantifier, Expression left, Expression array, int position) implements Expression {
    public QuantifiedArray {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(quantifier, "quantifier");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(array, "array");
    }
}
