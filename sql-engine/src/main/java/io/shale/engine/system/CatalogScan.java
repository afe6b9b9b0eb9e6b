package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.types.SqlType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The catalog objects of one scan, with the look-ups the row sources share. */
final class CatalogScan {
    final SystemContext context;
    final Catalog catalog;
    final DatabaseCatalog objects;

    CatalogScan(SystemContext context) {
        this(context, context.catalog(), context.databaseOid());
    }

    CatalogScan(SystemContext context, Catalog catalog, int databaseOid) {
        this.context = context;
        this.catalog = catalog;
        this.objects = catalog.objects(databaseOid);
    }

    String namespaceName(int oid) {
        Namespace n = objects.namespace(oid);
        return n == null ? null : n.name();
    }

    String roleName(int oid) {
        Role r = catalog.role(oid);
        r = r != null ? r : PredefinedRoles.byOid(oid);
        return r == null ? null : r.name();
    }

    String databaseName() {
        return catalog.database(objects.databaseOid()).name();
    }

    /**
     * The user relations, by oid. Shard relations (and their indexes) are left out as Citus hides them: those
     * without a placement on this node always, the others unless {@code citus.override_table_visibility} is off.
     */
    List<Relation> relations() {
        List<Relation> list = new ArrayList<>(objects.relations().size());
        boolean showShards = showsShards();
        int group = context.localGroupId();
        for (Relation r : objects.relations()) {
            if (objects.shardOfRelationOrIndex(r) == null || showShards && objects.resolvableOn(r, group)) {
                list.add(r);
            }
        }
        list.sort(Comparator.comparingInt(Relation::oid));
        return list;
    }

    private boolean showsShards() {
        if (objects.allShards().isEmpty()) {
            return false;
        }
        if (context instanceof LookupContext) {
            return false;
        }
        String value = context.settings().show("citus.override_table_visibility", true);
        return value != null && (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")
                || value.equals("0") || value.equalsIgnoreCase("no"));
    }

    /** The pg_type facts of a column type: built-in, enum or a table's row type. */
    TypeFacts type(int oid) {
        BuiltinType b = TypeSupport.builtin(oid);
        if (b != null) {
            return new TypeFacts(b.name(), b.length(), b.byValue(), b.align(), b.storage(), b.collation(),
                    b.category() == 'A' && b.elementOid() != 0);
        }
        EnumType e = objects.enumType(oid);
        if (e != null) {
            return new TypeFacts(e.name(), 4, true, 'i', 'p', 0, false);
        }
        for (EnumType t : objects.enumTypes()) {
            if (t.arrayOid() == oid) {
                return new TypeFacts("_" + t.name(), -1, false, 'i', 'x', 0, true);
            }
        }
        return new TypeFacts("record", -1, false, 'd', 'x', 0, false);
    }

    /** format_type of a column type, user enums qualified when not visible. */
    String formatType(SqlType type) {
        String builtin = TypeSupport.formatType(type);
        if (builtin != null) {
            return builtin;
        }
        EnumType e = objects.enumType(type.oid());
        if (e != null) {
            return qualifiedTypeName(e);
        }
        for (EnumType t : objects.enumTypes()) {
            if (t.arrayOid() == type.oid()) {
                return qualifiedTypeName(t) + "[]";
            }
        }
        for (Relation r : objects.relations()) {
            if ((r instanceof Table || r instanceof View) && SystemOids.rowType(r.oid()) == type.oid()) {
                return r.name();
            }
        }
        return "???";
    }

    private String qualifiedTypeName(EnumType e) {
        String name = Identifiers.quote(e.name());
        return context != null && context.searchPath().contains(namespaceName(e.namespaceOid())) ? name
                : Identifiers.quote(namespaceName(e.namespaceOid())) + "." + name;
    }

    /** The per-type facts pg_attribute copies from pg_type. */
    record TypeFacts(String name, int length, boolean byValue, char align, char storage, int collation,
                     boolean array) {
    }
}
