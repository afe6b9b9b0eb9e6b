package io.shale.engine.system;

import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.EnumType;
import io.shale.catalog.Namespace;
import io.shale.catalog.Relation;
import io.shale.catalog.Sequence;
import io.shale.catalog.Table;
import io.shale.catalog.View;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The information_schema views over user objects. Their domains (sql_identifier,
 * cardinal_number, character_data, yes_or_no) are given as the base types name, int4, varchar.
 */
final class InformationSchemaRows {
    private InformationSchemaRows() {
    }

    static void schemata(CatalogScan scan, RowWriter out) {
        List<Namespace> list = new ArrayList<>(scan.objects.namespaces());
        list.sort(Comparator.comparing(Namespace::name));
        for (Namespace n : list) {
            out.row().set("catalog_name", scan.databaseName()).set("schema_name", n.name())
                    .set("schema_owner", scan.roleName(PredefinedRoles.namespaceOwner(n.name(), n.ownerOid())));
        }
    }

    static void tables(CatalogScan scan, RowWriter out, List<SystemRelation> system) {
        for (SystemRelation s : system) {
            table(scan, out, s.schema(), s.name(), s.kind() == 'r' ? "BASE TABLE" : "VIEW");
        }
        for (Relation r : scan.relations()) {
            if (r instanceof Table t) {
                table(scan, out, scan.namespaceName(t.namespaceOid()), t.name(),
                        t.persistence() == 't' ? "LOCAL TEMPORARY" : "BASE TABLE");
            } else if (r instanceof View v) {
                table(scan, out, scan.namespaceName(v.namespaceOid()), v.name(), "VIEW");
            }
        }
    }

    private static void table(CatalogScan scan, RowWriter out, String schema, String name, String type) {
        out.row().set("table_catalog", scan.databaseName()).set("table_schema", schema).set("table_name", name)
                .set("table_type", type).set("is_insertable_into", type.equals("VIEW") ? "NO" : "YES")
                .set("is_typed", "NO");
    }

    static void columns(CatalogScan scan, RowWriter out, ExpressionDeparser deparser) {
        for (Relation r : scan.relations()) {
            List<Column> columns = r instanceof Table t ? t.columns() : r instanceof View v ? v.columns() : null;
            if (columns == null) {
                continue;
            }
            for (Column c : columns) {
                if (!c.dropped()) {
                    column(scan, out, r, c, c.attnum(), deparser);
                }
            }
        }
    }

    private static void column(CatalogScan scan, RowWriter out, Relation r, Column c, int position,
                               ExpressionDeparser deparser) {
        SqlType type = c.type();
        String typeSchema = "pg_catalog";
        String udtName = scan.type(type.oid()).name();
        EnumType e = scan.objects.enumType(type.oid());
        if (e != null) {
            typeSchema = scan.namespaceName(e.namespaceOid());
        }
        Sequence identity = c.identity() != '\0' ? ownedSequence(scan, r.oid(), c.attnum()) : null;
        out.row().set("table_catalog", scan.databaseName()).set("table_schema", scan.namespaceName(r.namespaceOid()))
                .set("table_name", r.name()).set("column_name", c.name()).set("ordinal_position", position)
                .set("column_default", c.defaultSql() == null ? null : deparser.deparse(c.defaultSql(), r.oid(), false))
                .set("is_nullable", c.notNull() ? "NO" : "YES").set("data_type", dataType(scan, type))
                .set("udt_catalog", scan.databaseName()).set("udt_schema", typeSchema).set("udt_name", udtName)
                .set("dtd_identifier", Integer.toString(position)).set("is_self_referencing", "NO")
                .set("is_identity", c.identity() != '\0' ? "YES" : "NO")
                .set("identity_generation", c.identity() == 'a' ? "ALWAYS" : c.identity() == 'd' ? "BY DEFAULT" : null)
                .set("identity_start", identity == null ? null : Long.toString(identity.start()))
                .set("identity_increment", identity == null ? null : Long.toString(identity.increment()))
                .set("identity_maximum", identity == null ? null : Long.toString(identity.max()))
                .set("identity_minimum", identity == null ? null : Long.toString(identity.min()))
                .set("identity_cycle", identity == null ? "NO" : identity.cycle() ? "YES" : "NO")
                .set("is_generated", c.generatedSql() != null ? "ALWAYS" : "NEVER")
                .set("generation_expression", c.generatedSql())
                .set("is_updatable", r instanceof Table ? "YES" : "NO");
        int m = type.typmod();
        switch (type.oid()) {
            case TypeOids.VARCHAR, TypeOids.BPCHAR, TypeOids.TEXT -> {
                Integer length = m < 0 ? null : m - 4;
                out.set("character_maximum_length", length)
                        .set("character_octet_length", length == null ? 1073741824 : length * 4);
            }
            case TypeOids.INT2, TypeOids.INT4, TypeOids.INT8 -> out.set("numeric_precision",
                    type.oid() == TypeOids.INT2 ? 16 : type.oid() == TypeOids.INT4 ? 32 : 64)
                    .set("numeric_precision_radix", 2).set("numeric_scale", 0);
            case TypeOids.FLOAT4, TypeOids.FLOAT8 -> out.set("numeric_precision",
                    type.oid() == TypeOids.FLOAT4 ? 24 : 53).set("numeric_precision_radix", 2);
            case TypeOids.NUMERIC -> out.set("numeric_precision", m < 0 ? null : (m - 4) >> 16 & 0xFFFF)
                    .set("numeric_precision_radix", 10).set("numeric_scale", m < 0 ? null : (int) (short) ((m - 4) & 0xFFFF));
            case TypeOids.DATE -> out.set("datetime_precision", 0);
            case TypeOids.TIME, TypeOids.TIMETZ, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ, TypeOids.INTERVAL ->
                    out.set("datetime_precision", m < 0 ? 6 : m & 0xFFFF);
            default -> {
            }
        }
    }

    private static String dataType(CatalogScan scan, SqlType type) {
        if (scan.objects.enumType(type.oid()) != null) {
            return "USER-DEFINED";
        }
        if (scan.type(type.oid()).array()) {
            return "ARRAY";
        }
        String formatted = scan.formatType(SqlType.of(type.oid()));
        return formatted.equals("\"char\"") ? "\"char\"" : formatted;
    }

    private static Sequence ownedSequence(CatalogScan scan, int tableOid, short attnum) {
        for (Relation r : scan.objects.relations()) {
            if (r instanceof Sequence s && s.ownedByTable() == tableOid && s.ownedByColumn() == attnum) {
                return s;
            }
        }
        return null;
    }

    static void tableConstraints(CatalogScan scan, RowWriter out) {
        for (Constraint c : sortedConstraints(scan)) {
            Relation t = scan.objects.relation(c.tableOid());
            String type = switch (c.type()) {
                case 'p' -> "PRIMARY KEY";
                case 'u' -> "UNIQUE";
                case 'f' -> "FOREIGN KEY";
                default -> "CHECK";
            };
            constraint(scan, out, scan.namespaceName(c.namespaceOid()), c.name(), t, type,
                    c.type() == 'p' || c.type() == 'u' ? "YES" : null);
        }
        for (Relation r : scan.relations()) {
            if (r instanceof Table t) {
                for (Column c : t.liveColumns()) {
                    if (c.notNull()) {
                        constraint(scan, out, scan.namespaceName(t.namespaceOid()),
                                t.namespaceOid() + "_" + t.oid() + "_" + c.attnum() + "_not_null", t, "CHECK", null);
                    }
                }
            }
        }
    }

    private static void constraint(CatalogScan scan, RowWriter out, String schema, String name, Relation t,
                                   String type, String nullsDistinct) {
        out.row().set("constraint_catalog", scan.databaseName()).set("constraint_schema", schema)
                .set("constraint_name", name).set("table_catalog", scan.databaseName())
                .set("table_schema", scan.namespaceName(t.namespaceOid())).set("table_name", t.name())
                .set("constraint_type", type).set("is_deferrable", "NO").set("initially_deferred", "NO")
                .set("enforced", "YES").set("nulls_distinct", nullsDistinct);
    }

    static void keyColumnUsage(CatalogScan scan, RowWriter out) {
        for (Constraint c : sortedConstraints(scan)) {
            if (c.type() == 'c') {
                continue;
            }
            Table t = (Table) scan.objects.relation(c.tableOid());
            for (int i = 0; i < c.columns().size(); i++) {
                Integer positionInUnique = c.type() == 'f' ? i + 1 : null;
                out.row().set("constraint_catalog", scan.databaseName())
                        .set("constraint_schema", scan.namespaceName(c.namespaceOid())).set("constraint_name", c.name())
                        .set("table_catalog", scan.databaseName()).set("table_schema", scan.namespaceName(t.namespaceOid()))
                        .set("table_name", t.name()).set("column_name", t.column(c.columns().get(i)).name())
                        .set("ordinal_position", i + 1).set("position_in_unique_constraint", positionInUnique);
            }
        }
    }

    private static List<Constraint> sortedConstraints(CatalogScan scan) {
        List<Constraint> list = new ArrayList<>(scan.objects.constraints());
        list.sort(Comparator.comparingInt(Constraint::oid));
        return list;
    }

    static void views(CatalogScan scan, RowWriter out, ExpressionDeparser deparser) {
        for (Relation r : scan.relations()) {
            if (r instanceof View v) {
                out.row().set("table_catalog", scan.databaseName()).set("table_schema", scan.namespaceName(v.namespaceOid()))
                        .set("table_name", v.name()).set("view_definition", deparser.deparseQuery(v.querySql(), v.oid(), false)).set("check_option", "NONE")
                        .set("is_updatable", "NO").set("is_insertable_into", "NO").set("is_trigger_updatable", "NO")
                        .set("is_trigger_deletable", "NO").set("is_trigger_insertable_into", "NO");
            }
        }
    }

    static void sequences(CatalogScan scan, RowWriter out) {
        for (Relation r : scan.relations()) {
            if (r instanceof Sequence s) {
                int bits = s.type().oid() == TypeOids.INT2 ? 16 : s.type().oid() == TypeOids.INT4 ? 32 : 64;
                out.row().set("sequence_catalog", scan.databaseName())
                        .set("sequence_schema", scan.namespaceName(s.namespaceOid())).set("sequence_name", s.name())
                        .set("data_type", scan.formatType(s.type())).set("numeric_precision", bits)
                        .set("numeric_precision_radix", 2).set("numeric_scale", 0)
                        .set("start_value", Long.toString(s.start())).set("minimum_value", Long.toString(s.min()))
                        .set("maximum_value", Long.toString(s.max())).set("increment", Long.toString(s.increment()))
                        .set("cycle_option", s.cycle() ? "YES" : "NO");
            }
        }
    }
}
