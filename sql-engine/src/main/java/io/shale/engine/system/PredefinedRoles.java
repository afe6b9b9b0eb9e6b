package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.catalog.Role;

import java.util.List;

/**
 * PostgreSQL 15's predefined roles (pg_monitor, pg_database_owner, …) as pg_roles and
 * pg_get_userbyid show them; they own nothing here except, as in PostgreSQL, the public schema.
 */
final class PredefinedRoles {
    static final int DATABASE_OWNER = 6171;
    static final List<Role> ALL = List.of(role(3373, "pg_monitor"), role(3374, "pg_read_all_settings"),
            role(3375, "pg_read_all_stats"), role(3377, "pg_stat_scan_tables"), role(4200, "pg_signal_backend"),
            role(4544, "pg_checkpoint"), role(4569, "pg_read_server_files"), role(4570, "pg_write_server_files"),
            role(4571, "pg_execute_server_program"), role(DATABASE_OWNER, "pg_database_owner"),
            role(6181, "pg_read_all_data"), role(6182, "pg_write_all_data"));

    private PredefinedRoles() {
    }

    private static Role role(int oid, String name) {
        return new Role(oid, name, false, true, false, false, false, false, false, -1, null, null);
    }

    /** The predefined role with this oid, or null. */
    static Role byOid(long oid) {
        for (Role r : ALL) {
            if (r.oid() == oid) {
                return r;
            }
        }
        return null;
    }

    /** The owner pg_namespace shows: public belongs to pg_database_owner while the bootstrap superuser owns it. */
    static int namespaceOwner(String name, int ownerOid) {
        return name.equals("public") && ownerOid == Catalog.BOOTSTRAP_SUPERUSER ? DATABASE_OWNER : ownerOid;
    }
}
