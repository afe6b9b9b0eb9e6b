package io.shale.catalog;

import io.shale.common.types.SqlType;

/**
 * A table or view column (pg_attribute row, with its pg_attrdef default).
 *
 * @param attnum 1-based column number; stays fixed when earlier columns are dropped
 * @param defaultSql the DEFAULT expression as SQL text, or null
 * @param identity pg_attribute.attidentity: 0 none, {@code 'a'} ALWAYS, {@code 'd'} BY DEFAULT
 * @param generatedSql the expression of a GENERATED ALWAYS AS (…) STORED column, or null
 * @param dropped a dropped column keeps its number; rows still hold a null for it
 */
public record Column(String name, short attnum, SqlType type, boolean notNull, String defaultSql,
                     char identity, String generatedSql, boolean dropped) {

    public static Column of(String name, int attnum, SqlType type) {
        return new Column(name, (short) attnum, type, false, null, '\0', null, false);
    }

    public Column withNotNull(boolean value) {
        return new Column(name, attnum, type, value, defaultSql, identity, generatedSql, dropped);
    }

    public Column withDefault(String sql) {
        return new Column(name, attnum, type, notNull, sql, identity, generatedSql, dropped);
    }

    public Column withName(String newName) {
        return new Column(newName, attnum, type, notNull, defaultSql, identity, generatedSql, dropped);
    }

    public Column withType(SqlType newType) {
        return new Column(name, attnum, newType, notNull, defaultSql, identity, generatedSql, dropped);
    }

    public Column withIdentity(char value) {
        return new Column(name, attnum, type, notNull, defaultSql, value, generatedSql, dropped);
    }

    public Column asDropped() {
        return new Column("........pg.dropped." + attnum + "........", attnum, type, false, null,
                '\0', null, true);
    }
}
