package io.shale.grammar.ast;

import java.util.Objects;

/** expression COLLATE collation. */
public record Collate(Expression expression, QualifiedName collation, int position) implements Expression {
    public Collate {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(collation, "collation");
    }
}
