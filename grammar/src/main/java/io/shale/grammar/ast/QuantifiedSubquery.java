package io.shale.grammar.ast;

import java.util.Objects;

/** left op ANY/ALL (subquery). */
public record QuantifiedSubquery(OperatorName operator, Quantifier quantifier, Expression left, Query query, int position) implements Expression {
    public QuantifiedSubquery {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(quantifier, "quantifier");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(query, "query");
    }
}
