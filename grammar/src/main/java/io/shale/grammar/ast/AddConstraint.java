package io.shale.grammar.ast;

import java.util.Objects;

/** ADD [CONSTRAINT name] ... [NOT VALID]. */
public record AddConstraint(ConstraintDefinition constraint, boolean notValid) implements AlterTableAction {
    public AddConstraint {
        Objects.requireNonNull(constraint, "constraint");
    }
}
