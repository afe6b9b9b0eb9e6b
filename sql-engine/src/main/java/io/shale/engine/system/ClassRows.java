package io.shale.engine.system;

import io.shale.catalog.Acl;
import io.shale.catalog.Acls;
import io.shale.catalog.Catalog;
import io.shale.catalog.Privileges;
import io.shale.catalog.Constraint;
import io.shale.catalog.Index;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** pg_namespace and pg_class. */
final class ClassRows {
    private static final Set<String> SHARED = Set.of("pg_authid", "pg_auth_members", "pg_database",
            "pg_tablespace", "pg_shdescription");

    private ClassRows() {
    }

    static void namespaces(CatalogScan scan, RowWriter out) {
        List<Namespace> list = new ArrayList<>(scan.objects.namespaces());
        list.sort(Comparator.comparingInt(Namespace::oid));
        for (Namespace n : list) {
            int owner = PredefinedRoles.namespaceOwner(n.name(), n.ownerOid());
            out.row().set("oid", n.oid()).set("nspname", n.name()).set("nspowner", owner)
                    .set("nspacl", namespaceAcl(scan, n, owner));
        }
    }

    /** nspacl: the stored ACL, or the one PostgreSQL creates pg_catalog, public and information_schema with. */
    private static Object namespaceAcl(CatalogScan scan, Namespace n, int shownOwner) {
        Acl acl = scan.objects.acl(n.oid());
        if (acl == null && Privileges.builtinSchemaWithPublicUsage(n.oid())) {
            acl = Privileges.builtinSchemaAcl(n);
        }
        if (acl != null && shownOwner != n.ownerOid()) {
            acl = Acls.newOwner(acl, n.ownerOid(), shownOwner);
        }
        return AclText.array(acl, scan::roleName);
    }

    private static Object relationAcl(CatalogScan scan, Relation r) {
        return AclText.array(scan.objects.acl(r.oid()), scan::roleName);
    }

    static void classes(CatalogScan scan, RowWriter out, List<SystemRelation> system) {
        for (SystemRelation s : system) {
            int namespace = s.schema().equals("pg_catalog") ? Catalog.PG_CATALOG_NAMESPACE
                    : Catalog.INFORMATION_SCHEMA_NAMESPACE;
            common(out.row(), s.oid(), s.name(), namespace, 0, Catalog.BOOTSTRAP_SUPERUSER);
            boolean table = s.kind() == 'r';
            out.set("relam", table ? SystemOids.HEAP : 0).set("relfilenode", table ? s.oid() : 0)
                    .set("reltablespace", SHARED.contains(s.name()) ? SystemOids.GLOBAL_TABLESPACE : 0)
                    .set("reltuples", -1f).set("relhasindex", table).set("relisshared", SHARED.contains(s.name()))
                    .set("relpersistence", 'p').set("relkind", s.kind()).set("relnatts", s.columns().size())
                    .set("relhasrules", !table).set("relreplident", 'n')
                    .set("relfrozenxid", table ? 716 : 0).set("relminmxid", table ? 1 : 0);
        }
        for (Relation r : scan.relations()) {
            switch (r) {
                case Table t -> table(scan, out, t);
                case Index i -> {
                    common(out.row(), i.oid(), i.name(), i.namespaceOid(), 0, i.ownerOid());
                    out.set("relam", SystemOids.accessMethod(i.method())).set("relfilenode", i.oid())
                            .set("reltuples", 0f).set("relkind", 'i').set("relnatts", i.keys().size())
                            .set("relreplident", 'n').set("relfrozenxid", 0).set("relminmxid", 0);
                }
                case Sequence s -> {
                    common(out.row(), s.oid(), s.name(), s.namespaceOid(), 0, s.ownerOid());
                    out.set("relacl", relationAcl(scan, s));
                    out.set("relam", 0).set("relfilenode", s.oid()).set("reltuples", 1f).set("relkind", 'S')
                            .set("relnatts", 3).set("relreplident", 'n').set("relfrozenxid", 0)
                            .set("relminmxid", 0);
                }
                case View v -> {
                    common(out.row(), v.oid(), v.name(), v.namespaceOid(), SystemOids.rowType(v.oid()), v.ownerOid());
                    out.set("relacl", relationAcl(scan, v));
                    out.set("relam", 0).set("relfilenode", 0).set("reltuples", -1f).set("relkind", 'v')
                            .set("relnatts", v.columns().size()).set("relhasrules", true).set("relreplident", 'n')
                            .set("relfrozenxid", 0).set("relminmxid", 0);
                }
            }
        }
    }

    private static void table(CatalogScan scan, RowWriter out, Table t) {
        int checks = 0;
        boolean triggers = !scan.objects.foreignKeysReferencing(t.oid()).isEmpty();
        for (Constraint c : scan.objects.constraintsOf(t.oid())) {
            checks += c.type() == 'c' ? 1 : 0;
            triggers |= c.type() == 'f';
        }
        common(out.row(), t.oid(), t.name(), t.namespaceOid(), SystemOids.rowType(t.oid()), t.ownerOid());
        out.set("relam", SystemOids.accessMethod(t.accessMethod())).set("relfilenode", t.oid())
                .set("reltuples", -1f).set("relhasindex", !scan.objects.indexesOf(t.oid()).isEmpty())
                .set("relpersistence", t.persistence()).set("relkind", 'r').set("relnatts", t.columns().size())
                .set("relchecks", checks).set("relhastriggers", triggers).set("relreplident", t.replicaIdentity())
                .set("relfrozenxid", 716).set("relminmxid", 1).set("reloptions", options(t.options()))
                .set("relacl", relationAcl(scan, t));
    }

    private static Object options(Map<String, String> options) {
        if (options.isEmpty()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            items.add(e.getKey() + "=" + e.getValue());
        }
        return TypeSupport.array(TypeOids.TEXT, items);
    }

    /** The columns every pg_class row sets the same way; callers override what differs. */
    private static void common(RowWriter out, int oid, String name, int namespace, long rowType, int owner) {
        out.set("oid", oid).set("relname", name).set("relnamespace", namespace).set("reltype", rowType)
                .set("reloftype", 0).set("relowner", owner).set("reltablespace", 0).set("relpages", 0)
                .set("relallvisible", 0).set("reltoastrelid", 0).set("relhasindex", false)
                .set("relisshared", false).set("relpersistence", 'p').set("relchecks", 0)
                .set("relhasrules", false).set("relhastriggers", false).set("relhassubclass", false)
                .set("relrowsecurity", false).set("relforcerowsecurity", false).set("relispopulated", true)
                .set("relispartition", false).set("relrewrite", 0);
    }
}
