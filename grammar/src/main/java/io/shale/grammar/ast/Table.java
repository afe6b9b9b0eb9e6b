package io.shale.grammar.ast;

import java.util.Objects;

/** A table, view or other named relation in FROM. */
public record Table(QualifiedName name, boolean only, int position) implements Relation {
    public Table {
        Objects.requireNonNull(name, "name");
    }
}
