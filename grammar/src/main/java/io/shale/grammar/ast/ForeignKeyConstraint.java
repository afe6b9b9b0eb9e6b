package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** REFERENCES or FOREIGN KEY (columns) REFERENCES ... Nullable components: name. */
public record ForeignKeyConstraint(String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns, ForeignKeyMatch match, ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable, boolean initiallyDeferred) implements ConstraintDefinition {
    public ForeignKeyConstraint {
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }
}
