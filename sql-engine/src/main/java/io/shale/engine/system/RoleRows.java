package io.shale.engine.system;

import io.shale.catalog.Database;
import io.shale.catalog.DefaultAcl;
import io.shale.catalog.Role;
import io.shale.catalog.RoleMembership;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** pg_authid, pg_roles, pg_user, pg_auth_members, pg_database and pg_tablespace. */
final class RoleRows {
    private static final String HIDDEN_PASSWORD = "********";

    private RoleRows() {
    }

    private static List<Role> roles(CatalogScan scan) {
        List<Role> list = new ArrayList<>(scan.catalog.roles());
        list.addAll(PredefinedRoles.ALL);
        list.sort(Comparator.comparingInt(Role::oid));
        return list;
    }

    /** Readable by superusers only, as in PostgreSQL. */
    static void authid(CatalogScan scan, RowWriter out) {
        requireSuperuser(scan, "pg_authid");
        for (Role r : roles(scan)) {
            out.row().set("oid", r.oid()).set("rolname", r.name()).set("rolsuper", r.superuser())
                    .set("rolinherit", r.inherit()).set("rolcreaterole", r.createRole())
                    .set("rolcreatedb", r.createDb()).set("rolcanlogin", r.canLogin())
                    .set("rolreplication", r.replication()).set("rolbypassrls", r.bypassRls())
                    .set("rolconnlimit", r.connectionLimit()).set("rolpassword", r.password())
                    .set("rolvaliduntil", validUntil(r));
        }
    }

    /** Catalogs that hold secrets (pg_authid, pg_statistic) are readable by superusers only. */
    static void requireSuperuser(CatalogScan scan, String table) {
        Role current = scan.catalog.role(scan.context.currentUserOid());
        if (current == null || !current.superuser()) {
            throw new ShaleException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied for table " + table);
        }
    }

    static void roles(CatalogScan scan, RowWriter out) {
        for (Role r : roles(scan)) {
            out.row().set("rolname", r.name()).set("rolsuper", r.superuser()).set("rolinherit", r.inherit())
                    .set("rolcreaterole", r.createRole()).set("rolcreatedb", r.createDb())
                    .set("rolcanlogin", r.canLogin()).set("rolreplication", r.replication())
                    .set("rolconnlimit", r.connectionLimit()).set("rolpassword", HIDDEN_PASSWORD)
                    .set("rolvaliduntil", validUntil(r)).set("rolbypassrls", r.bypassRls()).set("oid", r.oid());
        }
    }

    static void users(CatalogScan scan, RowWriter out) {
        for (Role r : roles(scan)) {
            if (r.canLogin()) {
                out.row().set("usename", r.name()).set("usesysid", r.oid()).set("usecreatedb", r.createDb())
                        .set("usesuper", r.superuser()).set("userepl", r.replication())
                        .set("usebypassrls", r.bypassRls()).set("passwd", HIDDEN_PASSWORD)
                        .set("valuntil", validUntil(r));
            }
        }
    }

    static void members(CatalogScan scan, RowWriter out) {
        for (RoleMembership m : scan.catalog.memberships()) {
            out.row().set("roleid", m.roleOid()).set("member", m.memberOid()).set("grantor", m.grantorOid())
                    .set("admin_option", m.adminOption());
        }
    }

    static void databases(CatalogScan scan, RowWriter out) {
        List<Database> list = new ArrayList<>(scan.catalog.databases());
        list.sort(Comparator.comparingInt(Database::oid));
        for (Database d : list) {
            out.row().set("oid", d.oid()).set("datname", d.name()).set("datdba", d.ownerOid())
                    .set("encoding", (int) SystemOids.UTF8_ENCODING).set("datlocprovider", 'c')
                    .set("datistemplate", d.isTemplate()).set("datallowconn", d.allowConnections())
                    .set("datconnlimit", d.connectionLimit()).set("datfrozenxid", 716).set("datminmxid", 1)
                    .set("dattablespace", SystemOids.DEFAULT_TABLESPACE).set("datcollate", "C.UTF-8")
                    .set("datctype", "C.UTF-8").set("datacl", AclText.array(scan.catalog.databaseAcl(d.oid()), scan::roleName));
        }
    }

    static void defaultAcls(CatalogScan scan, RowWriter out) {
        for (DefaultAcl d : scan.objects.defaultAcls()) {
            out.row().set("oid", d.oid()).set("defaclrole", d.roleOid()).set("defaclnamespace", d.namespaceOid())
                    .set("defaclobjtype", d.objectType()).set("defaclacl", AclText.array(d.acl(), scan::roleName));
        }
    }

    static void tablespaces(RowWriter out) {
        out.row().set("oid", SystemOids.DEFAULT_TABLESPACE).set("spcname", "pg_default").set("spcowner", 10);
        out.row().set("oid", SystemOids.GLOBAL_TABLESPACE).set("spcname", "pg_global").set("spcowner", 10);
    }

    private static Instant validUntil(Role r) {
        if (r.validUntil() == null) {
            return null;
        }
        if (r.validUntil().equals("infinity")) {
            return Instant.MAX;
        }
        try {
            return OffsetDateTime.parse(r.validUntil()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
