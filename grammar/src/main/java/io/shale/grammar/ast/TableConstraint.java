package io.shale.grammar.ast;

import java.util.Objects;

/** A table constraint of CREATE TABLE. */
public record TableConstraint(ConstraintDefinition constraint) implements TableElement {
    public TableConstraint {
        Objects.requireNonNull(constraint, "constraint");
    }
}
