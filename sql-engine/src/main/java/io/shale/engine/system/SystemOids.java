package io.shale.engine.system;

/**
 * Oids of PostgreSQL 15's catalog objects that the system relations refer to, and the
 * synthetic oids of objects the catalog model does not number itself (row types of tables,
 * column defaults). Synthetic oids lie above 2^30, far from the catalog's own.
 */
final class SystemOids {
    static final int PG_TYPE = 1247;
    static final int PG_ATTRIBUTE = 1249;
    static final int PG_PROC = 1255;
    static final int PG_CLASS = 1259;
    static final int PG_AUTHID = 1260;
    static final int PG_DATABASE = 1262;
    static final int PG_NAMESPACE = 2615;
    static final int PG_CONSTRAINT = 2606;
    static final int PG_EXTENSION = 3079;
    static final int HEAP = 2;
    static final int BTREE = 403;
    static final int HASH = 405;
    static final int GIST = 783;
    static final int GIN = 2742;
    static final int SPGIST = 4000;
    static final int BRIN = 3580;
    /** The columnar table access method (Citus assigns it at CREATE EXTENSION; ours is fixed). */
    static final int COLUMNAR = 9990;
    static final int DEFAULT_COLLATION = 100;
    static final int C_COLLATION = 950;
    static final int POSIX_COLLATION = 951;
    static final int DEFAULT_TABLESPACE = 1663;
    static final int GLOBAL_TABLESPACE = 1664;
    static final int PLPGSQL_EXTENSION = 13559;
    static final int PLPGSQL_LANGUAGE = 13563;
    static final int INTERNAL_LANGUAGE = 12;
    static final int ARRAY_SUBSCRIPT_HANDLER = 6179;
    static final int RAW_ARRAY_SUBSCRIPT_HANDLER = 6180;
    static final long UTF8_ENCODING = 6;

    private static final long ROW_TYPE_BASE = 0x40000000L;
    private static final long ROW_ARRAY_TYPE_BASE = 0x60000000L;
    private static final long ATTRDEF_BASE = 0x80000000L;

    private SystemOids() {
    }

    /** pg_type oid of the row type of a user table or view. */
    static long rowType(int relationOid) {
        return ROW_TYPE_BASE + relationOid;
    }

    /** pg_type oid of the array of that row type. */
    static long rowArrayType(int relationOid) {
        return ROW_ARRAY_TYPE_BASE + relationOid;
    }

    /** pg_attrdef oid of a column default (unique while relation oids stay below 2^20). */
    static long attrDef(int relationOid, int attnum) {
        return ATTRDEF_BASE + (((long) relationOid << 11) | attnum) % 0x7FFFFFFFL;
    }

    /** The access method oid of a table's or index's method name. */
    static int accessMethod(String name) {
        return switch (name == null ? "heap" : name) {
            case "heap" -> HEAP;
            case "btree" -> BTREE;
            case "hash" -> HASH;
            case "gist" -> GIST;
            case "gin" -> GIN;
            case "spgist" -> SPGIST;
            case "brin" -> BRIN;
            case "columnar" -> COLUMNAR;
            default -> 0;
        };
    }
}
