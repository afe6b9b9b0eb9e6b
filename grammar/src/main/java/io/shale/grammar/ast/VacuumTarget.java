package io.shale.grammar.ast;

import java.util.List;
import java.util.Objects;

/** A table of VACUUM or ANALYZE, with its optional column list. */
public record VacuumTarget(QualifiedName table, List<String> columns) {
    public VacuumTarget {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }
}
