package io.shale.grammar.ast;

import java.util.Objects;

/** VALIDATE CONSTRAINT name. */
public record ValidateConstraint(String name) implements AlterTableAction {
    public ValidateConstraint {
        Objects.requireNonNull(name, "name");
    }
}
