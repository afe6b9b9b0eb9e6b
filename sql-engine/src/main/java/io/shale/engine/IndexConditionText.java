package io.shale.engine;

import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import io.shale.common.types.TypeOids;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code Index Cond} line of EXPLAIN for an index scan, as PostgreSQL prints it for the common
 * cases: {@code (id = 5)}, {@code ((a = 1) AND (b >= 10))}, {@code (name = 'x'::text)},
 * {@code (id = ANY ('{1,2}'::integer[]))}, {@code (id = $1)}.
 */
final class IndexConditionText {
    private static final Map<Integer, String> TYPE_NAMES = Map.ofEntries(
            Map.entry(TypeOids.INT2, "smallint"), Map.entry(TypeOids.INT4, "integer"),
            Map.entry(TypeOids.INT8, "bigint"), Map.entry(TypeOids.TEXT, "text"),
            Map.entry(TypeOids.NUMERIC, "numeric"), Map.entry(TypeOids.FLOAT8, "double precision"),
            Map.entry(TypeOids.FLOAT4, "real"), Map.entry(TypeOids.VARCHAR, "character varying"),
            Map.entry(TypeOids.BPCHAR, "bpchar"), Map.entry(TypeOids.DATE, "date"),
            Map.entry(TypeOids.TIMESTAMP, "timestamp without time zone"),
            Map.entry(TypeOids.TIMESTAMPTZ, "timestamp with time zone"), Map.entry(TypeOids.UUID, "uuid"),
            Map.entry(TypeOids.BOOL, "boolean"), Map.entry(TypeOids.BYTEA, "bytea"),
            Map.entry(TypeOids.INT4_ARRAY, "integer[]"), Map.entry(TypeOids.INT8_ARRAY, "bigint[]"),
            Map.entry(TypeOids.TEXT_ARRAY, "text[]"));

    private IndexConditionText() {
    }

    /** The condition text, or null when the scan reads the whole index. */
    static String of(PlanNode.IndexScan scan, FormatSettings settings) {
        Table table = scan.table();
        Index index = scan.index();
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < scan.equalities().size(); i++) {
            terms.add(term(table, index.keys().get(i), "=", scan.equalities().get(i), settings));
        }
        Index.IndexKey next = scan.equalities().size() < index.keyCount() ? index.keys().get(scan.equalities().size()) : null;
        if (next != null && scan.lower() != null) {
            terms.add(term(table, next, scan.lowerInclusive() ? ">=" : ">", scan.lower(), settings));
        }
        if (next != null && scan.upper() != null) {
            terms.add(term(table, next, scan.upperInclusive() ? "<=" : "<", scan.upper(), settings));
        }
        if (next != null && (!scan.points().isEmpty() || scan.pointArray() != null)) {
            String array;
            if (scan.pointArray() != null) {
                array = value(scan.pointArray(), settings);
            } else {
                StringBuilder text = new StringBuilder("'{");
                for (int i = 0; i < scan.points().size(); i++) {
                    Expr p = scan.points().get(i);
                    text.append(i == 0 ? "" : ",").append(p instanceof Expr.Literal l && l.value() != null
                            ? TextCodec.format(l.type(), l.value(), settings) : "NULL");
                }
                SqlType type = table.column(next.attnum()).type();
                array = text.append("}'::").append(TYPE_NAMES.getOrDefault(type.oid(), "text")).append("[]").toString();
            }
            terms.add("(" + column(table, next) + " = ANY (" + array + "))");
        }
        if (terms.isEmpty()) {
            return null;
        }
        return terms.size() == 1 ? terms.getFirst() : "(" + String.join(" AND ", terms) + ")";
    }

    private static String term(Table table, Index.IndexKey key, String op, Expr value, FormatSettings settings) {
        return "(" + column(table, key) + " " + op + " " + value(value, settings) + ")";
    }

    private static String column(Table table, Index.IndexKey key) {
        String name = table.column(key.attnum()).name();
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String value(Expr value, FormatSettings settings) {
        return switch (value) {
            case Expr.Param p -> "$" + (p.index() + 1);
            case Expr.Literal l when l.value() == null -> "NULL";
            case Expr.Literal l -> literal(l, settings);
            case Expr.Cast c -> value(c.input(), settings);
            default -> "(expression)";
        };
    }

    private static String literal(Expr.Literal l, FormatSettings settings) {
        String text = TextCodec.format(l.type(), l.value(), settings);
        int oid = l.type().oid();
        if ((oid == TypeOids.INT4 || oid == TypeOids.NUMERIC) && !text.startsWith("-")) {
            return text;
        }
        if (oid == TypeOids.BOOL) {
            return text.equals("t") ? "true" : "false";
        }
        String name = TYPE_NAMES.get(oid);
        String quoted = "'" + text.replace("'", "''") + "'";
        return name == null ? quoted : quoted + "::" + name;
    }
}
