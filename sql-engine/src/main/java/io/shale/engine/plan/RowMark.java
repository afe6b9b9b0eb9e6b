package io.shale.engine.plan;

import io.shale.catalog.Table;
import io.shale.storage.LockStrength;
import io.shale.storage.WaitPolicy;

/**
 * One table whose rows a {@link PlanNode.LockRows} locks (PostgreSQL's PlanRowMark): the stored
 * row of {@code table} sits at {@code offset} in the locked source row, its row id last.
 */
public record RowMark(Table table, int offset, LockStrength strength, WaitPolicy waitPolicy) {

    /** Position of the row id in the source row. */
    public int rowIdColumn() {
        return offset + table.columns().size();
    }
}
