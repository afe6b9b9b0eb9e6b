package io.shale.engine.session;

/**
 * One field of a RowDescription.
 *
 * @param name column label
 * @param tableOid oid of the base table when the column is a plain table column, else 0
 * @param columnNumber attnum in that table, else 0
 * @param typeOid the type's oid
 * @param typeLength pg_type.typlen (negative for variable length)
 * @param typeModifier atttypmod, -1 when none
 */
public record ColumnDescription(String name, int tableOid, short columnNumber, int typeOid,
                                short typeLength, int typeModifier) {
}
