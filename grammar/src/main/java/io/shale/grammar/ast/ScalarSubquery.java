package io.shale.grammar.ast;

import java.util.Objects;

/** A scalar subquery. */
public record ScalarSubquery(Query query, int position) implements Expression {
    public ScalarSubquery {
        Objects.requireNonNull(query, "query");
    }
}
