package io.shale.catalog;

/** A schema (pg_namespace row) of one database. */
public record Namespace(int oid, int databaseOid, String name, int ownerOid) {
}
