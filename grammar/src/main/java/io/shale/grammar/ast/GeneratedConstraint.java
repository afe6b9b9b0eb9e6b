package io.shale.grammar.ast;

import java.util.Objects;

/** GENERATED ALWAYS AS (expression) STORED. Nullable components: name. */
public record GeneratedConstraint(String name, Expression expression) implements ConstraintDefinition {
    public GeneratedConstraint {
        Objects.requireNonNull(expression, "expression");
    }
}
