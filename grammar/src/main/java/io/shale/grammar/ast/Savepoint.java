package io.shale.grammar.ast;

import java.util.Objects;

/** A SAVEPOINT statement. */
public record Savepoint(String name) implements Statement {
    public Savepoint {
        Objects.requireNonNull(name, "name");
    }
}
