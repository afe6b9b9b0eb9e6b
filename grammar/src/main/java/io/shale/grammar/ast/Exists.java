package io.shale.grammar.ast;

import java.util.Objects;

/** EXISTS (subquery). */
public record Exists(Query query, int position) implements Expression {
    public Exists {
        Objects.requireNonNull(query, "query");
    }
}
