package io.shale.engine.deparse;

import io.shale.common.types.BuiltinTypes;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeInfo;
import io.shale.common.types.TypeNames;
import io.shale.grammar.ast.TypeName;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Type names as format_type prints them (without typmod), from SQL spellings. */
final class TypeLabels {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"), Map.entry("int8", "bigint"),
            Map.entry("bigint", "bigint"), Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("varchar", "character varying"), Map.entry("char", "character"), Map.entry("bpchar", "character"),
            Map.entry("decimal", "numeric"), Map.entry("float8", "double precision"), Map.entry("float4", "real"),
            Map.entry("float", "double precision"), Map.entry("real", "real"),
            Map.entry("timestamp", "timestamp without time zone"), Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("time", "time without time zone"), Map.entry("timetz", "time with time zone"));

    private TypeLabels() {
    }

    /**
     * The format_type name of a type reference, typmod and array bounds dropped (arrays keep "[]").
     * A user type keeps the schema it was written with unless that schema is visible under the
     * default search_path (public, pg_catalog), as format_type prints it in a fresh session.
     */
    static String of(TypeName type) {
        List<String> parts = type.name().parts();
        String name = parts.getLast().toLowerCase(Locale.ROOT);
        String label = ALIASES.get(name);
        if (label == null) {
            TypeInfo info = BuiltinTypes.byName(name);
            if (info != null) {
                label = TypeNames.format(SqlType.of(info.oid()));
            } else {
                String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
                label = schema == null || schema.equals("public") || schema.equals("pg_catalog")
                        ? Names.quote(parts.getLast()) : Names.quote(schema) + "." + Names.quote(parts.getLast());
            }
        }
        return type.arrayBounds().isEmpty() ? label : label + "[]";
    }

    static boolean isNumeric(String type) {
        return type != null && switch (type) {
            case "smallint", "integer", "bigint", "numeric", "real", "double precision" -> true;
            default -> false;
        };
    }

    static boolean isInteger(String type) {
        return "smallint".equals(type) || "integer".equals(type) || "bigint".equals(type);
    }

    /** Rank in the numeric promotion order (integers below numeric below floats). */
    static int numericRank(String type) {
        return switch (type) {
            case "smallint" -> 1;
            case "integer" -> 2;
            case "bigint" -> 3;
            case "numeric" -> 4;
            case "real" -> 5;
            default -> 6;
        };
    }
}
