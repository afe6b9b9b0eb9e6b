package io.shale.catalog;

/** A database (pg_database row); every database uses UTF8 and the C.UTF-8 locale. */
public record Database(int oid, String name, int ownerOid, boolean allowConnections,
                       int connectionLimit, boolean isTemplate) {
}
