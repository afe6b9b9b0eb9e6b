package io.shale.grammar.ast;

/** NULL (explicitly nullable). Nullable components: name. */
public record NullConstraint(String name) implements ConstraintDefinition {
}
