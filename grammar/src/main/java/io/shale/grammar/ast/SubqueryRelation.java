package io.shale.grammar.ast;

import java.util.Objects;

/** A subquery in FROM. */
public record SubqueryRelation(Query query, boolean lateral) implements Relation {
    public SubqueryRelation {
        Objects.requireNonNull(query, "query");
    }
}
