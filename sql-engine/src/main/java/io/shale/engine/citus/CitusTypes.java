package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Database;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;

import java.util.List;

/**
 * The types Citus puts in pg_catalog that the node functions and relations use: the enum
 * {@code noderole} ('primary', 'secondary', 'unavailable'). It has the same oid in every database,
 * so that {@code pg_dist_node.noderole} has one type.
 */
public final class CitusTypes {
    /** The enum's name in pg_catalog. */
    public static final String NODE_ROLE = "noderole";
    static final List<String> NODE_ROLE_LABELS = List.of("primary", "secondary", "unavailable");
    private static final int BOOTSTRAP_SUPERUSER = 10;

    private CitusTypes() {
    }

    /** {@code catalog} with {@code pg_catalog.noderole} in every database; the same catalog when nothing is missing. */
    public static Catalog ensure(Catalog catalog) {
        EnumType existing = nodeRole(catalog);
        CatalogEditor editor = null;
        for (Database d : catalog.databases()) {
            Namespace pgCatalog = catalog.objects(d.oid()).namespace("pg_catalog");
            if (pgCatalog == null || catalog.objects(d.oid()).enumType(pgCatalog.oid(), NODE_ROLE) != null) {
                continue;
            }
            if (editor == null) {
                editor = catalog.edit();
            }
            if (existing == null) {
                int oid = editor.newOid();
                int arrayOid = editor.newOid();
                List<Integer> labelOids = List.of(editor.newOid(), editor.newOid(), editor.newOid());
                existing = new EnumType(oid, arrayOid, pgCatalog.oid(), NODE_ROLE, BOOTSTRAP_SUPERUSER,
                        NODE_ROLE_LABELS, labelOids);
            }
            editor.putEnumType(d.oid(), new EnumType(existing.oid(), existing.arrayOid(), pgCatalog.oid(), NODE_ROLE,
                    existing.ownerOid(), existing.labels(), existing.labelOids()));
        }
        return editor == null ? catalog : editor.build();
    }

    /** The noderole enum of any database of {@code catalog}, or null. */
    static EnumType nodeRole(Catalog catalog) {
        for (Database d : catalog.databases()) {
            Namespace pgCatalog = catalog.objects(d.oid()).namespace("pg_catalog");
            EnumType found = pgCatalog == null ? null : catalog.objects(d.oid()).enumType(pgCatalog.oid(), NODE_ROLE);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The oid of the noderole enum in {@code catalog} (text's oid when it is missing). */
    static int nodeRoleOid(Catalog catalog) {
        EnumType type = nodeRole(catalog);
        return type == null ? io.shale.common.types.TypeOids.TEXT : type.oid();
    }
}
