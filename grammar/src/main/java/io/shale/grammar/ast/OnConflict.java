package io.shale.grammar.ast;

import java.util.List;

/** The ON CONFLICT clause of INSERT. Nullable components: targetWhere, constraint, updateWhere. */
public record OnConflict(List<IndexElement> targetColumns, Expression targetWhere, String constraint, boolean doUpdate, List<SetClause> assignments, Expression updateWhere) {
    public OnConflict {
        targetColumns = List.copyOf(targetColumns);
        assignments = List.copyOf(assignments);
    }
}
