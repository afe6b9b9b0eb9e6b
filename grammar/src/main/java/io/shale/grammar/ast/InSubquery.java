package io.shale.grammar.ast;

import java.util.Objects;

/** [NOT] IN (subquery). */
public record InSubquery(Expression value, Query query, boolean negated, int position) implements Expression {
    public InSubquery {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(query, "query");
    }
}
