package io.shale.engine.system;

import io.shale.catalog.Catalog;
import io.shale.catalog.Comment;
import io.shale.catalog.Relation;
import io.shale.catalog.Role;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.shale.engine.system.CatalogFunctions.BOOL;
import static io.shale.engine.system.CatalogFunctions.INT4;
import static io.shale.engine.system.CatalogFunctions.NAME;
import static io.shale.engine.system.CatalogFunctions.OID;
import static io.shale.engine.system.CatalogFunctions.TEXT;
import static io.shale.engine.system.CatalogFunctions.oidArgument;
import static io.shale.engine.system.CatalogFunctions.scalar;

/** Visibility, names, descriptions and session information functions. */
final class InfoFunctions {
    /** The catalogs obj_description and shobj_description accept by name. */
    private static final Map<String, Integer> CATALOG_OIDS = Map.of("pg_class", SystemOids.PG_CLASS,
            "pg_type", SystemOids.PG_TYPE, "pg_proc", SystemOids.PG_PROC, "pg_namespace", SystemOids.PG_NAMESPACE,
            "pg_constraint", SystemOids.PG_CONSTRAINT, "pg_extension", SystemOids.PG_EXTENSION,
            "pg_database", SystemOids.PG_DATABASE, "pg_authid", SystemOids.PG_AUTHID);

    private InfoFunctions() {
    }

    static void addTo(List<CatalogFunction> out, CatalogServices s) {
        out.add(scalar("pg_table_is_visible", 2079, List.of(OID), BOOL, 's', (c, a) -> {
            CatalogScan scan = EvalScans.scan(c, s);
            Relation r = scan.objects.relation((int) oidArgument(a[0]));
            if (r != null) {
                return Visibility.relationVisible(scan, r);
            }
            SystemRelation sr = s.system().relation((int) oidArgument(a[0]));
            return sr == null ? null : Visibility.systemRelationVisible(scan, sr);
        }));
        out.add(scalar("pg_type_is_visible", 2080, List.of(OID), BOOL, 's', (c, a) -> {
            CatalogScan scan = EvalScans.scan(c, s);
            long oid = oidArgument(a[0]);
            boolean known = !scan.formatType(SqlType.of((int) oid)).equals("???");
            return known ? Visibility.typeVisible(scan, oid) : null;
        }));
        out.add(scalar("pg_function_is_visible", 2081, List.of(OID), BOOL, 's', (c, a) -> {
            for (ProcInfo p : s.functions().get()) {
                if (p.oid() == oidArgument(a[0])) {
                    return c.currentSchemas(true).contains(p.namespaceOid() == Catalog.PG_CATALOG_NAMESPACE
                            ? "pg_catalog" : "information_schema");
                }
            }
            return ProcNames.name(List.of(), oidArgument(a[0])) != null ? Boolean.TRUE : null;
        }));
        out.add(scalar("pg_get_userbyid", 1642, List.of(OID), NAME, 's', (c, a) -> {
            Role r = c.catalog().role((int) oidArgument(a[0]));
            r = r != null ? r : PredefinedRoles.byOid(oidArgument(a[0]));
            return r != null ? r.name() : "unknown (OID=" + oidArgument(a[0]) + ")";
        }));
        out.add(scalar("pg_encoding_to_char", 1597, List.of(INT4), NAME, 's', (c, a) -> switch ((Integer) a[0]) {
            case 0 -> "SQL_ASCII";
            case 6 -> "UTF8";
            default -> "";
        }));
        out.add(scalar("pg_char_to_encoding", 1264, List.of(NAME), INT4, 's', (c, a) -> {
            String key = ((String) a[0]).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            return key.equals("utf8") || key.equals("unicode") ? 6 : key.equals("sqlascii") ? 0 : -1;
        }));
        out.add(new CatalogFunction("pg_catalog", "format_type", 1081, List.of(OID, INT4), TEXT, false, 's',
                new CatalogFunction.Scalar((c, a) -> a[0] == null ? null : EvalScans.scan(c, s).formatType(
                        new SqlType((int) oidArgument(a[0]), a[1] == null ? -1 : (Integer) a[1])))));
        out.add(scalar("col_description", 1216, List.of(OID, INT4), TEXT, 's', (c, a) -> c.catalog()
                .objects(c.databaseOid()).comment((int) oidArgument(a[0]), SystemOids.PG_CLASS, (Integer) a[1])));
        out.add(scalar("obj_description", 1215, List.of(OID, NAME), TEXT, 's', (c, a) -> description(c.catalog(),
                c.databaseOid(), oidArgument(a[0]), catalogOid(s, (String) a[1]))));
        out.add(scalar("obj_description", 1348, List.of(OID), TEXT, 's',
                (c, a) -> description(c.catalog(), c.databaseOid(), oidArgument(a[0]), -1)));
        out.add(scalar("shobj_description", 1993, List.of(OID, NAME), TEXT, 's', (c, a) -> description(c.catalog(),
                c.databaseOid(), oidArgument(a[0]), catalogOid(s, (String) a[1]))));
        out.add(scalar("current_schema", 1402, List.of(), NAME, 's', (c, a) -> {
            List<String> schemas = c.currentSchemas(false);
            return schemas.isEmpty() ? null : schemas.getFirst();
        }));
        out.add(scalar("current_schemas", 1403, List.of(BOOL), TypeOids.NAME_ARRAY, 's',
                (c, a) -> TypeSupport.array(NAME, c.currentSchemas((Boolean) a[0]))));
        out.add(scalar("current_database", 861, List.of(), NAME, 's', (c, a) -> c.currentDatabase()));
        out.add(scalar("current_user", 745, List.of(), NAME, 's', (c, a) -> c.currentUser()));
        out.add(scalar("session_user", 746, List.of(), NAME, 's', (c, a) -> c.sessionUser()));
        out.add(scalar("pg_is_in_recovery", 3810, List.of(), BOOL, 'v', (c, a) -> false));
        out.add(scalar("pg_postmaster_start_time", 2560, List.of(), TypeOids.TIMESTAMPTZ, 's',
                (c, a) -> s.startTime()));
        out.add(scalar("pg_conf_load_time", 2034, List.of(), TypeOids.TIMESTAMPTZ, 's', (c, a) -> s.startTime()));
        out.add(scalar("pg_isolation_test_session_is_blocked", 3378, List.of(INT4, TypeOids.INT4_ARRAY), BOOL, 'v',
                (c, a) -> false));
        out.add(new CatalogFunction("information_schema", "_pg_expandarray", 13208, List.of(TypeOids.ANYARRAY),
                TypeOids.RECORD, true, 'i',
                new CatalogFunction.SetReturning((c, a) -> {
                    List<Object> elements = TypeSupport.elements(a[0]);
                    List<Object[]> rows = new ArrayList<>(elements.size());
                    for (int i = 0; i < elements.size(); i++) {
                        rows.add(new Object[] {elements.get(i), i + 1});
                    }
                    return rows.iterator();
                }, List.of(new SystemColumn("x", SqlType.of(TypeOids.ANYELEMENT)), new SystemColumn("n", SqlType.INT4)))));
    }

    private static int catalogOid(CatalogServices s, String catalogName) {
        Integer known = CATALOG_OIDS.get(catalogName);
        if (known != null) {
            return known;
        }
        SystemRelation r = s.system().relation("pg_catalog", catalogName);
        return r == null ? 0 : r.oid();
    }

    /** The comment with sub-id 0 on an object; {@code classOid} -1 matches any catalog. */
    private static String description(Catalog catalog, int databaseOid, long objectOid, int classOid) {
        for (Comment comment : catalog.objects(databaseOid).comments()) {
            if (comment.objectOid() == objectOid && comment.subId() == 0
                    && (classOid == -1 || comment.classOid() == classOid)) {
                return comment.text();
            }
        }
        if (objectOid == Catalog.PUBLIC_NAMESPACE && (classOid == -1 || classOid == SystemOids.PG_NAMESPACE)) {
            return "standard public schema";
        }
        return objectOid == SystemOids.PLPGSQL_EXTENSION && (classOid == -1 || classOid == SystemOids.PG_EXTENSION)
                ? "PL/pgSQL procedural language" : null;
    }
}
