package io.shale.grammar.ast;

import java.util.Objects;

/** A ROLLBACK TO [SAVEPOINT] statement. */
public record RollbackToSavepoint(String name) implements Statement {
    public RollbackToSavepoint {
        Objects.requireNonNull(name, "name");
    }
}
