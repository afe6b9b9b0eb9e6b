package io.shale.grammar.ast;

import java.util.Objects;

/** A RELEASE [SAVEPOINT] statement. */
public record ReleaseSavepoint(String name) implements Statement {
    public ReleaseSavepoint {
        Objects.requireNonNull(name, "name");
    }
}
