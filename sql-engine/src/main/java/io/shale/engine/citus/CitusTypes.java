package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Database;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;

import java.util.ArrayList;
import java.util.List;

/**
 * The enum types Citus puts in pg_catalog that its functions and relations use: {@code noderole} ('primary',
 * 'secondary', 'unavailable'), {@code citus_job_status} and {@code citus_task_status} (background jobs). Each has the
 * same oid in every database, so that a metadata column has one type.
 */
public final class CitusTypes {
    /** The enum's name in pg_catalog. */
    public static final String NODE_ROLE = "noderole";
    /** The enum of pg_dist_background_job.state. */
    public static final String JOB_STATUS = "citus_job_status";
    /** The enum of pg_dist_background_task.status. */
    public static final String TASK_STATUS = "citus_task_status";
    static final List<String> NODE_ROLE_LABELS = List.of("primary", "secondary", "unavailable");
    private static final List<List<String>> ENUMS = List.of(
            List.of(NODE_ROLE, "primary", "secondary", "unavailable"),
            List.of(JOB_STATUS, "scheduled", "running", "finished", "cancelling", "cancelled", "failing", "failed"),
            List.of(TASK_STATUS, "blocked", "runnable", "running", "done", "cancelling", "error", "unscheduled",
                    "cancelled"));
    private static final int BOOTSTRAP_SUPERUSER = 10;

    private CitusTypes() {
    }

    /** {@code catalog} with Citus's enums in every database; the same catalog when nothing is missing. */
    public static Catalog ensure(Catalog catalog) {
        CatalogEditor editor = null;
        for (List<String> spec : ENUMS) {
            String name = spec.getFirst();
            EnumType existing = find(catalog, name);
            for (Database d : catalog.databases()) {
                Namespace pgCatalog = catalog.objects(d.oid()).namespace("pg_catalog");
                if (pgCatalog == null || catalog.objects(d.oid()).enumType(pgCatalog.oid(), name) != null) {
                    continue;
                }
                if (editor == null) {
                    editor = catalog.edit();
                }
                if (existing == null) {
                    int oid = editor.newOid();
                    int arrayOid = editor.newOid();
                    List<Integer> labelOids = new ArrayList<>();
                    for (int i = 1; i < spec.size(); i++) {
                        labelOids.add(editor.newOid());
                    }
                    existing = new EnumType(oid, arrayOid, pgCatalog.oid(), name, BOOTSTRAP_SUPERUSER,
                            spec.subList(1, spec.size()), labelOids);
                }
                editor.putEnumType(d.oid(), new EnumType(existing.oid(), existing.arrayOid(), pgCatalog.oid(), name,
                        existing.ownerOid(), existing.labels(), existing.labelOids()));
            }
        }
        return editor == null ? catalog : editor.build();
    }

    /** The noderole enum of any database of {@code catalog}, or null. */
    static EnumType nodeRole(Catalog catalog) {
        return find(catalog, NODE_ROLE);
    }

    private static EnumType find(Catalog catalog, String name) {
        for (Database d : catalog.databases()) {
            Namespace pgCatalog = catalog.objects(d.oid()).namespace("pg_catalog");
            EnumType found = pgCatalog == null ? null : catalog.objects(d.oid()).enumType(pgCatalog.oid(), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The oid of the noderole enum in {@code catalog} (text's oid when it is missing). */
    static int nodeRoleOid(Catalog catalog) {
        return enumOid(catalog, NODE_ROLE);
    }

    /** The oid of Citus's enum {@code name} in {@code catalog} (text's oid when it is missing). */
    public static int enumOid(Catalog catalog, String name) {
        EnumType type = find(catalog, name);
        return type == null ? io.shale.common.types.TypeOids.TEXT : type.oid();
    }
}
