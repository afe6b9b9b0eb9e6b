package io.shale.grammar.ast;

import java.util.List;

/** PRIMARY KEY [(columns)] [INCLUDE (...)]. Nullable components: name. */
public record PrimaryKeyConstraint(String name, List<String> columns, List<String> include) implements ConstraintDefinition {
    public PrimaryKeyConstraint {
        columns = List.copyOf(columns);
        include = List.copyOf(include);
    }
}
