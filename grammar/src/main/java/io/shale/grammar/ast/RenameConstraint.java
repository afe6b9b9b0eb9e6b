package io.shale.grammar.ast;

import java.util.Objects;

/** RENAME CONSTRAINT a TO b. */
public record RenameConstraint(String constraint, String newName) implements AlterTableAction {
    public RenameConstraint {
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(newName, "newName");
    }
}
