package io.shale.engine;

import io.shale.catalog.Acl;
import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.DefaultAcl;
import io.shale.catalog.Index;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What keeps a role from being dropped (PostgreSQL's shared dependencies): the objects it owns and
 * the ACLs that name it, as the DETAIL lines of 2BP01 {@code role "x" cannot be dropped because some
 * objects depend on it}.
 */
final class RoleDependencies {
    private record Line(int oid, int order, String text) {
    }

    private RoleDependencies() {
    }

    /** The DETAIL lines, empty when nothing depends on the role. */
    static List<String> of(Catalog catalog, int roleOid, int currentDatabase, List<String> searchPath) {
        List<Line> lines = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        List<Database> databases = new ArrayList<>(catalog.databases());
        databases.sort(Comparator.comparingInt(Database::oid));
        for (Database db : databases) {
            add(lines, db.oid(), "database " + db.name(), db.ownerOid(), catalog.databaseAcl(db.oid()), roleOid);
            DatabaseCatalog objects = catalog.objects(db.oid());
            List<Line> local = new ArrayList<>();
            for (Namespace ns : objects.namespaces()) {
                add(local, ns.oid(), "schema " + ns.name(), ns.ownerOid(), objects.acl(ns.oid()), roleOid);
            }
            for (Relation r : objects.relations()) {
                if (r instanceof Index || objects.shardOfRelation(r.oid()) != null) {
                    continue;
                }
                Namespace ns = objects.namespace(r.namespaceOid());
                String name = ns == null || searchPath.contains(ns.name()) ? r.name() : ns.name() + "." + r.name();
                add(local, r.oid(), TableDdl.kindName(r) + " " + name, r.ownerOid(), objects.acl(r.oid()), roleOid);
            }
            for (DefaultAcl d : objects.defaultAcls()) {
                if (d.roleOid() == roleOid) {
                    local.add(new Line(d.oid(), 0, "owner of " + DefaultPrivileges.describe(catalog, objects, d)));
                } else if (d.acl().mentions(roleOid)) {
                    local.add(new Line(d.oid(), 1, "privileges for " + DefaultPrivileges.describe(catalog, objects, d)));
                }
            }
            if (db.oid() == currentDatabase) {
                lines.addAll(local);
            } else if (!local.isEmpty()) {
                remote.add(local.size() + (local.size() == 1 ? " object" : " objects") + " in database " + db.name());
            }
        }
        lines.sort(Comparator.comparingInt(Line::oid).thenComparingInt(Line::order));
        List<String> result = new ArrayList<>();
        for (Line l : lines) {
            result.add(l.text());
        }
        result.addAll(remote);
        return result;
    }

    private static void add(List<Line> lines, int oid, String description, int ownerOid, Acl acl, int roleOid) {
        if (ownerOid == roleOid) {
            lines.add(new Line(oid, 0, "owner of " + description));
        }
        if (acl != null && ownerOid != roleOid && acl.mentions(roleOid)) {
            lines.add(new Line(oid, 1, "privileges for " + description));
        }
    }
}
