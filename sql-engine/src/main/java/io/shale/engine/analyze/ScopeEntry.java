package io.shale.engine.analyze;

import io.shale.common.types.SqlType;

import java.util.List;

/**
 * One FROM item as names see it: its alias, its columns and where they sit in the joined row.
 *
 * @param schema the schema of a base table or view (for {@code schema.table.column}), else null
 * @param hidden per column, whether {@code *} leaves it out (the row id of a table)
 * @param tableOid the base table, or 0
 * @param attnums per column, the base table column number, or 0
 */
record ScopeEntry(String alias, String schema, List<String> names, List<SqlType> types, int offset,
                  List<Boolean> hidden, int tableOid, List<Short> attnums) {

    int width() {
        return names.size();
    }

    /** Position of the column in this entry, or -1. */
    int indexOf(String name) {
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                if (found >= 0) {
                    return -2;
                }
                found = i;
            }
        }
        return found;
    }

    ScopeEntry shifted(int delta) {
        return new ScopeEntry(alias, schema, names, types, offset + delta, hidden, tableOid, attnums);
    }
}
