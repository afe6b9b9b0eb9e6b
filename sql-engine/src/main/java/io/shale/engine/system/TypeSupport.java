package io.shale.engine.system;

import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The package's only contact with the type library of module common (built-in pg_type rows,
 * format_type, array and inet values), so that it can follow that library in one place.
 */
final class TypeSupport {
    private static final List<BuiltinType> BUILTINS = load();
    private static final Map<Integer, BuiltinType> BY_OID = byOid(BUILTINS);
    private static final Map<String, Integer> ALIASES = Map.ofEntries(Map.entry("integer", 23),
            Map.entry("int", 23), Map.entry("smallint", 21), Map.entry("bigint", 20), Map.entry("real", 700),
            Map.entry("double precision", 701), Map.entry("float", 701), Map.entry("boolean", 16),
            Map.entry("character varying", 1043), Map.entry("character", 1042), Map.entry("char", 1042),
            Map.entry("decimal", 1700), Map.entry("timestamp without time zone", 1114),
            Map.entry("timestamp with time zone", 1184), Map.entry("time without time zone", 1083),
            Map.entry("time with time zone", 1266), Map.entry("bit varying", 1562), Map.entry("\"char\"", 18));

    private TypeSupport() {
    }

    static List<BuiltinType> builtins() {
        return BUILTINS;
    }

    /** The built-in type of an oid, or null. */
    static BuiltinType builtin(int oid) {
        return BY_OID.get(oid);
    }

    /** The built-in type of a name or SQL alias ({@code integer}, {@code _int4}), or null. */
    static BuiltinType builtin(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Integer alias = ALIASES.get(key);
        if (alias != null) {
            return BY_OID.get(alias);
        }
        for (BuiltinType t : BUILTINS) {
            if (t.name().equals(key)) {
                return t;
            }
        }
        return null;
    }

    /** format_type for a built-in type; null for other oids. */
    static String formatType(SqlType type) {
        BuiltinType t = BY_OID.get(type.oid());
        if (t == null) {
            return null;
        }
        if (t.category() == 'A' && t.length() == -1) {
            return formatType(new SqlType(t.elementOid(), type.typmod())) + "[]";
        }
        int m = type.typmod();
        return switch (type.oid()) {
            case TypeOids.BPCHAR -> m < 0 ? "character" : "character(" + (m - 4) + ")";
            case TypeOids.VARCHAR -> m < 0 ? "character varying" : "character varying(" + (m - 4) + ")";
            case TypeOids.NUMERIC -> m < 0 ? "numeric" : "numeric(" + ((m - 4) >> 16 & 0xFFFF) + ","
                    + (short) ((m - 4) & 0xFFFF) + ")";
            case TypeOids.TIMESTAMP -> withPrecision("timestamp", m) + " without time zone";
            case TypeOids.TIMESTAMPTZ -> withPrecision("timestamp", m) + " with time zone";
            case TypeOids.TIME -> withPrecision("time", m) + " without time zone";
            case TypeOids.TIMETZ -> withPrecision("time", m) + " with time zone";
            case TypeOids.INT2 -> "smallint";
            case TypeOids.INT4 -> "integer";
            case TypeOids.INT8 -> "bigint";
            case TypeOids.FLOAT4 -> "real";
            case TypeOids.FLOAT8 -> "double precision";
            case TypeOids.BOOL -> "boolean";
            case TypeOids.CHAR -> "\"char\"";
            case TypeOids.VARBIT -> m < 0 ? "bit varying" : "bit varying(" + m + ")";
            case TypeOids.BIT -> m < 0 ? "bit" : "bit(" + m + ")";
            default -> t.name();
        };
    }

    private static String withPrecision(String base, int typmod) {
        return typmod < 0 ? base : base + "(" + typmod + ")";
    }

    /** A one-dimensional SQL array (lower bound 1). */
    static Object array(int elementOid, List<?> elements) {
        return new SystemArray(elementOid, 1, List.copyOf(nullSafe(elements)));
    }

    /** An int2vector or oidvector (lower bound 0). */
    static Object vector(int elementOid, List<?> elements) {
        return new SystemArray(elementOid, 0, List.copyOf(nullSafe(elements)));
    }

    /** The elements of an array value made here, or of the engine's array values. */
    static List<Object> elements(Object array) {
        if (array instanceof SystemArray a) {
            return a.elements();
        }
        if (array instanceof Object[] values) {
            return Arrays.asList(values);
        }
        throw new IllegalArgumentException("not an array value");
    }

    /** A value of type inet from its text. */
    static Object inet(String text) {
        return text;
    }

    private static List<Object> nullSafe(List<?> elements) {
        List<Object> out = new ArrayList<>(elements.size());
        for (Object e : elements) {
            if (e == null) {
                throw new IllegalArgumentException("catalog arrays hold no nulls");
            }
            out.add(e);
        }
        return out;
    }

    private static Map<Integer, BuiltinType> byOid(List<BuiltinType> types) {
        Map<Integer, BuiltinType> map = new HashMap<>();
        for (BuiltinType t : types) {
            map.put(t.oid(), t);
        }
        return Map.copyOf(map);
    }

    private static List<BuiltinType> load() {
        List<BuiltinType> out = new ArrayList<>();
        for (String[] f : TsvResource.read("builtin_types.tsv")) {
            out.add(new BuiltinType(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), f[3].equals("t"),
                    f[4].charAt(0), f[5].charAt(0), f[6].equals("t"), Integer.parseInt(f[7]),
                    Integer.parseInt(f[8]), f[9], f[10], f[11], f[12], f[13].charAt(0),
                    Integer.parseInt(f[14]), f[15].charAt(0), f[16].charAt(0)));
        }
        return List.copyOf(out);
    }
}
