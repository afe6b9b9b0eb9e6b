package io.shale.grammar.ast;

import java.util.Objects;

/** CHECK (condition) [NO INHERIT]. Nullable components: name. */
public record CheckConstraint(String name, Expression condition, boolean noInherit) implements ConstraintDefinition {
    public CheckConstraint {
        Objects.requireNonNull(condition, "condition");
    }
}
