package io.shale.engine.system;

/** One pg_type row of a built-in type (a row of PostgreSQL 15's pg_type, namespace pg_catalog). */
record BuiltinType(int oid, String name, int length, boolean byValue, char kind, char category,
                   boolean preferred, int elementOid, int arrayOid, String input, String output,
                   String receive, String send, char delimiter, int collation, char align, char storage) {
}
