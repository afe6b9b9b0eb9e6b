package io.shale.engine.system;

import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;

/** pg_table_is_visible and friends: whether an unqualified name finds this object first. */
final class Visibility {
    private Visibility() {
    }

    static boolean relationVisible(CatalogScan scan, Relation relation) {
        return nameVisible(scan, scan.namespaceName(relation.namespaceOid()), relation.name());
    }

    /** Whether a system relation's name is found first in the search path. */
    static boolean systemRelationVisible(CatalogScan scan, SystemRelation relation) {
        return nameVisible(scan, relation.schema(), relation.name());
    }

    private static boolean nameVisible(CatalogScan scan, String schema, String name) {
        for (String s : scan.context.searchPath()) {
            if (s.equals(schema)) {
                return true;
            }
            Namespace n = scan.objects.namespace(s);
            if (n != null && scan.objects.relation(n.oid(), name) != null) {
                return false;
            }
        }
        return false;
    }

    static boolean typeVisible(CatalogScan scan, long typeOid) {
        if (TypeSupport.builtin((int) typeOid) != null) {
            return scan.context.searchPath().contains("pg_catalog");
        }
        EnumType e = scan.objects.enumType((int) typeOid);
        if (e != null) {
            String schema = scan.namespaceName(e.namespaceOid());
            for (String s : scan.context.searchPath()) {
                if (s.equals(schema)) {
                    return true;
                }
                Namespace n = scan.objects.namespace(s);
                if (n != null && scan.objects.enumType(n.oid(), e.name()) != null
                        || s.equals("pg_catalog") && TypeSupport.builtin(e.name()) != null) {
                    return false;
                }
            }
            return false;
        }
        for (Relation r : scan.objects.relations()) {
            if (SystemOids.rowType(r.oid()) == typeOid) {
                return relationVisible(scan, r);
            }
        }
        return false;
    }
}
