package io.shale.engine.system;

import io.shale.catalog.Acl;
import io.shale.catalog.AclItem;
import io.shale.catalog.AclObjectKind;
import io.shale.catalog.Privilege;
import io.shale.catalog.Privileges;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.catalog.View;

/** information_schema.table_privileges and role_table_grants of the user tables and views, from their ACLs. */
final class PrivilegeRows {
    private static final Privilege[] TABLE_PRIVILEGES = {Privilege.INSERT, Privilege.SELECT, Privilege.UPDATE,
        Privilege.DELETE, Privilege.TRUNCATE, Privilege.REFERENCES, Privilege.TRIGGER};

    private PrivilegeRows() {
    }

    /** {@code rolesOnly}: role_table_grants (grantor or grantee a role of the current user, not PUBLIC). */
    static void tablePrivileges(CatalogScan scan, RowWriter out, boolean rolesOnly) {
        int user = scan.context.currentUserOid();
        int database = scan.objects.databaseOid();
        for (Relation r : scan.relations()) {
            if (!(r instanceof Table || r instanceof View)) {
                continue;
            }
            Acl acl = Privileges.effectiveAcl(scan.catalog, database, AclObjectKind.TABLE, r.oid());
            for (AclItem item : acl.items()) {
                boolean grantorVisible = Privileges.hasMembership(scan.catalog, user, item.grantorOid());
                boolean granteeVisible = item.granteeOid() != AclItem.PUBLIC
                        && Privileges.hasMembership(scan.catalog, user, item.granteeOid());
                if (!grantorVisible && !granteeVisible && (rolesOnly || item.granteeOid() != AclItem.PUBLIC)) {
                    continue;
                }
                boolean owner = item.granteeOid() != AclItem.PUBLIC
                        && Privileges.hasMembership(scan.catalog, item.granteeOid(), r.ownerOid());
                String grantee = item.granteeOid() == AclItem.PUBLIC ? "PUBLIC" : scan.roleName(item.granteeOid());
                for (Privilege p : TABLE_PRIVILEGES) {
                    if (item.has(p)) {
                        out.row().set("grantor", scan.roleName(item.grantorOid())).set("grantee", grantee)
                                .set("table_catalog", scan.databaseName())
                                .set("table_schema", scan.namespaceName(r.namespaceOid())).set("table_name", r.name())
                                .set("privilege_type", p.name())
                                .set("is_grantable", item.hasGrantOption(p) || owner ? "YES" : "NO")
                                .set("with_hierarchy", p == Privilege.SELECT ? "YES" : "NO");
                    }
                }
            }
        }
    }
}
