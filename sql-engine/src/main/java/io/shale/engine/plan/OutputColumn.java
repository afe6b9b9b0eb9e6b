package io.shale.engine.plan;

import io.shale.common.types.SqlType;

/**
 * A column of a plan node's rows: its label, type, and the base table column it comes from
 * (for RowDescription), or 0 and 0.
 */
public record OutputColumn(String name, SqlType type, int tableOid, short attnum) {
    public static OutputColumn of(String name, SqlType type) {
        return new OutputColumn(name, type, 0, (short) 0);
    }

    public OutputColumn withName(String newName) {
        return new OutputColumn(newName, type, tableOid, attnum);
    }
}
