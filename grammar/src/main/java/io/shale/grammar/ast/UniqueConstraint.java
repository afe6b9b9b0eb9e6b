package io.shale.grammar.ast;

import java.util.List;

/** UNIQUE [NULLS NOT DISTINCT] [(columns)] [INCLUDE (...)]. Nullable components: name. */
public record UniqueConstraint(String name, List<String> columns, List<String> include, boolean nullsNotDistinct) implements ConstraintDefinition {
    public UniqueConstraint {
        columns = List.copyOf(columns);
        include = List.copyOf(include);
    }
}
