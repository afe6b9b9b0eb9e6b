package io.shale.engine.distributed;

import io.shale.common.types.SqlType;

import java.util.List;

/**
 * What one task returned: the column types and rows (engine-internal Java values, as operators produce them),
 * the number of rows a modification affected and its command tag.
 */
public record TaskResult(List<SqlType> types, List<Object[]> rows, long rowsAffected, String commandTag) {
    public TaskResult {
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }
}
