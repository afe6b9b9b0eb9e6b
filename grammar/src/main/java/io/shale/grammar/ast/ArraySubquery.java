package io.shale.grammar.ast;

import java.util.Objects;

/** ARRAY(subquery). */
public record ArraySubquery(Query query, int position) implements Expression {
    public ArraySubquery {
        Objects.requireNonNull(query, "query");
    }
}
