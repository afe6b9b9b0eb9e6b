package io.shale.common.types;

/**
 * One pg_type row of a built-in type (namespace pg_catalog, oid 11). Columns not held here have
 * the same value for every built-in type: typnotnull false, typbasetype 0, typtypmod -1,
 * typndims 0, typisdefined true, typrelid 0.
 */
public record TypeInfo(int oid, String name, int length, boolean byValue, char kind,
                       TypeCategory category, boolean preferred, int elementOid, int arrayOid,
                       String input, String output, String receive, String send, char delimiter,
                       int collation, char align, char storage) {
    /** pg_type.typnamespace of every built-in type (pg_catalog). */
    public static final int PG_CATALOG_NAMESPACE = 11;

    /** Whether this is an array type (typelem set and typlen -1, plus the fixed-size vectors). */
    public boolean isArray() {
        return elementOid != 0 && category == TypeCategory.ARRAY;
    }

    public boolean notNull() {
        return false;
    }

    public int baseType() {
        return 0;
    }

    public int typmod() {
        return -1;
    }
}
