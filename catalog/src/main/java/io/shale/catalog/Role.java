package io.shale.catalog;

/**
 * A role (pg_authid row). {@code password} is a SCRAM verifier, an md5 hash or null.
 */
public record Role(int oid, String name, boolean superuser, boolean inherit, boolean createRole,
                   boolean createDb, boolean canLogin, boolean replication, boolean bypassRls,
                   int connectionLimit, String password, String validUntil) {

    public Role withPassword(String newPassword) {
        return new Role(oid, name, superuser, inherit, createRole, createDb, canLogin, replication,
                bypassRls, connectionLimit, newPassword, validUntil);
    }
}
