package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A column of CREATE TABLE or ALTER TABLE ADD COLUMN. Nullable components: collation. */
public record ColumnDefinition(String name, TypeName type, QualifiedName collation, List<ConstraintDefinition> constraints) implements TableElement {
    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        constraints = List.copyOf(constraints);
    }
}
