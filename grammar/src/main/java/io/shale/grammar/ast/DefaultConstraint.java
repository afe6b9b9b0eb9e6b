package io.shale.grammar.ast;

import java.util.Objects;

/** DEFAULT value. Nullable components: name. */
public record DefaultConstraint(String name, Expression value) implements ConstraintDefinition {
    public DefaultConstraint {
        Objects.requireNonNull(value, "value");
    }
}
