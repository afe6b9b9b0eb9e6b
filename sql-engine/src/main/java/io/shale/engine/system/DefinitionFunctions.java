package io.shale.engine.system;

import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.Index;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import io.shale.engine.function.EvalContext;

import java.util.Collections;
import java.util.List;

import static io.shale.engine.system.CatalogFunctions.BOOL;
import static io.shale.engine.system.CatalogFunctions.INT4;
import static io.shale.engine.system.CatalogFunctions.OID;
import static io.shale.engine.system.CatalogFunctions.REGCLASS;
import static io.shale.engine.system.CatalogFunctions.TEXT;
import static io.shale.engine.system.CatalogFunctions.oidArgument;
import static io.shale.engine.system.CatalogFunctions.scalar;

/** pg_get_expr, pg_get_indexdef, pg_get_constraintdef, pg_get_viewdef and the other definitions. */
final class DefinitionFunctions {
    private static final int NODE_TREE = TypeOids.PG_NODE_TREE;

    private DefinitionFunctions() {
    }

    static void addTo(List<CatalogFunction> out, CatalogServices s) {
        ExpressionDeparser deparser = s.deparser();
        out.add(scalar("pg_get_expr", 1716, List.of(NODE_TREE, OID), TEXT, 's',
                (c, a) -> VisibleRegclass.unqualify(deparser.deparse((String) a[0], (int) oidArgument(a[1]), false), c)));
        out.add(scalar("pg_get_expr", 2509, List.of(NODE_TREE, OID, BOOL), TEXT, 's',
                (c, a) -> VisibleRegclass.unqualify(deparser.deparse((String) a[0], (int) oidArgument(a[1]),
                        (Boolean) a[2]), c)));
        out.add(scalar("pg_get_indexdef", 1643, List.of(OID), TEXT, 's', (c, a) -> indexDefinition(c, s, a[0], 0, false)));
        out.add(scalar("pg_get_indexdef", 2507, List.of(OID, INT4, BOOL), TEXT, 's',
                (c, a) -> indexDefinition(c, s, a[0], (Integer) a[1], (Boolean) a[2])));
        out.add(scalar("pg_get_constraintdef", 1387, List.of(OID), TEXT, 's',
                (c, a) -> constraintDefinition(c, s, a[0], false)));
        out.add(scalar("pg_get_constraintdef", 2508, List.of(OID, BOOL), TEXT, 's',
                (c, a) -> constraintDefinition(c, s, a[0], (Boolean) a[1])));
        out.add(scalar("pg_get_viewdef", 1641, List.of(OID), TEXT, 's',
                (c, a) -> viewDefinition(c, deparser, oidArgument(a[0]), false)));
        out.add(scalar("pg_get_viewdef", 2506, List.of(OID, BOOL), TEXT, 's',
                (c, a) -> viewDefinition(c, deparser, oidArgument(a[0]), (Boolean) a[1])));
        out.add(scalar("pg_get_viewdef", 3159, List.of(OID, INT4), TEXT, 's',
                (c, a) -> viewDefinition(c, deparser, oidArgument(a[0]), true)));
        out.add(scalar("pg_get_viewdef", 1640, List.of(TEXT), TEXT, 's',
                (c, a) -> viewDefinition(c, deparser, resolver(c, s).relationOid((String) a[0]), false)));
        out.add(scalar("pg_get_viewdef", 2505, List.of(TEXT, BOOL), TEXT, 's',
                (c, a) -> viewDefinition(c, deparser, resolver(c, s).relationOid((String) a[0]), (Boolean) a[1])));
        out.add(scalar("pg_get_ruledef", 1573, List.of(OID), TEXT, 's', (c, a) -> null));
        out.add(scalar("pg_get_ruledef", 2504, List.of(OID, BOOL), TEXT, 's', (c, a) -> null));
        out.add(new CatalogFunction("pg_catalog", "pg_partition_ancestors", 3425, List.of(REGCLASS), REGCLASS, true,
                'v', new CatalogFunction.SetReturning((c, a) -> Collections.emptyIterator(),
                        List.of(new SystemColumn("pg_partition_ancestors", SqlType.of(REGCLASS))))));
        out.add(scalar("pg_get_function_result", 2165, List.of(OID), TEXT, 's', (c, a) -> {
            ProcInfo p = resolver(c, s).proc(oidArgument(a[0]));
            if (p == null) {
                return null;
            }
            String type = EvalScans.scan(c, s).formatType(SqlType.of(p.returnType()));
            return p.returnsSet() ? "SETOF " + type : type;
        }));
        out.add(scalar("pg_get_function_arguments", 2162, List.of(OID), TEXT, 's', (c, a) -> arguments(c, s, a[0])));
        out.add(scalar("pg_get_function_identity_arguments", 2232, List.of(OID), TEXT, 's',
                (c, a) -> arguments(c, s, a[0])));
        out.add(scalar("pg_get_statisticsobjdef_columns", 6174, List.of(OID), TEXT, 's', (c, a) -> null));
        out.add(scalar("pg_get_triggerdef", 1662, List.of(OID), TEXT, 's', (c, a) -> null));
        out.add(scalar("pg_get_triggerdef", 2730, List.of(OID, BOOL), TEXT, 's', (c, a) -> null));
        out.add(scalar("pg_get_partkeydef", 3352, List.of(OID), TEXT, 's', (c, a) -> null));
        out.add(scalar("pg_tablespace_location", 3778, List.of(OID), TEXT, 's', (c, a) -> ""));
        out.add(scalar("pg_relation_is_publishable", 6121, List.of(REGCLASS), BOOL, 's', (c, a) -> {
            CatalogScan scan = EvalScans.scan(c, s);
            Relation r = scan.objects.relation((int) oidArgument(a[0]));
            return r instanceof Table t && t.persistence() == 'p';
        }));
        out.add(scalar("pg_get_serial_sequence", 1665, List.of(TEXT, TEXT), TEXT, 's', (c, a) -> serialSequence(c, s,
                (String) a[0], (String) a[1])));
    }

    private static NameResolver resolver(EvalContext c, CatalogServices s) {
        return new NameResolver(EvalScans.scan(c, s), s.system());
    }

    private static String indexDefinition(EvalContext c, CatalogServices s, Object oid, int column, boolean pretty) {
        CatalogScan scan = EvalScans.scan(c, s);
        return scan.objects.relation((int) oidArgument(oid)) instanceof Index index
                ? new Definitions(scan, s.deparser()).indexDefinition(index, column, pretty) : null;
    }

    private static String constraintDefinition(EvalContext c, CatalogServices s, Object oid, boolean pretty) {
        CatalogScan scan = EvalScans.scan(c, s);
        Constraint constraint = scan.objects.constraint((int) oidArgument(oid));
        if (constraint == null) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR,
                    "cache lookup failed for constraint " + oidArgument(oid));
        }
        return new Definitions(scan, s.deparser()).constraintDefinition(constraint, pretty);
    }

    private static String viewDefinition(EvalContext c, ExpressionDeparser deparser, long oid, boolean pretty) {
        return c.catalog().objects(c.databaseOid()).relation((int) oid) instanceof View v
                ? deparser.deparseQuery(v.querySql(), v.oid(), pretty) : null;
    }

    private static String arguments(EvalContext c, CatalogServices s, Object oid) {
        ProcInfo p = resolver(c, s).proc(oidArgument(oid));
        if (p == null) {
            return null;
        }
        CatalogScan scan = EvalScans.scan(c, s);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.argumentTypes().size(); i++) {
            boolean variadic = p.variadicType() != 0 && i == p.argumentTypes().size() - 1;
            String type = scan.formatType(SqlType.of(p.argumentTypes().get(i)));
            sb.append(i == 0 ? "" : ", ").append(variadic ? "VARIADIC " : "").append(type.equals("any") ? "\"any\"" : type);
        }
        return sb.toString();
    }

    /** The sequence a serial or identity column uses, as a qualified name. */
    private static String serialSequence(EvalContext c, CatalogServices s, String tableName, String columnName) {
        NameResolver resolver = resolver(c, s);
        CatalogScan scan = EvalScans.scan(c, s);
        long oid = resolver.relationOid(tableName);
        Relation relation = scan.objects.relation((int) oid);
        String column = NameResolver.parts(columnName).getLast();
        Column col = relation instanceof Table t ? t.column(column) : null;
        if (col == null) {
            String name = relation == null ? tableName : relation.name();
            throw new ShaleException(ErrorCode.UNDEFINED_COLUMN,
                    "column \"" + column + "\" of relation \"" + name + "\" does not exist");
        }
        for (Relation r : scan.relations()) {
            if (r instanceof Sequence seq && seq.ownedByTable() == oid && seq.ownedByColumn() == col.attnum()) {
                return Identifiers.qualified(scan.namespaceName(seq.namespaceOid()), seq.name());
            }
        }
        return null;
    }
}
