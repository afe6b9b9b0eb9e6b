package io.shale.grammar.ast;

/** NOT NULL. Nullable components: name. */
public record NotNullConstraint(String name) implements ConstraintDefinition {
}
