package io.shale.grammar.ast;

import java.util.Objects;

/** A function call in FROM, such as generate_series(1, 3). */
public record FunctionRelation(FunctionCall function, boolean lateral, boolean withOrdinality) implements Relation {
    public FunctionRelation {
        Objects.requireNonNull(function, "function");
    }
}
