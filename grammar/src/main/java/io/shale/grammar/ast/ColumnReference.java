package io.shale.grammar.ast;

import java.util.Objects;

/** A column reference, possibly qualified by table, schema and database. */
public record ColumnReference(QualifiedName name, int position) implements Expression {
    public ColumnReference {
        Objects.requireNonNull(name, "name");
    }
}
