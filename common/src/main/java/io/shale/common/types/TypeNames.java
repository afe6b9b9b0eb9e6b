package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;
import java.util.Locale;

/** Type names as PostgreSQL's format_type prints them, and the parser's type names resolved. */
public final class TypeNames {
    private TypeNames() {
    }

    /** PostgreSQL's {@code format_type(oid, typmod)}; {@code ???} for an unknown oid. */
    public static String format(SqlType type) {
        TypeInfo info = BuiltinTypes.byOid(type.oid());
        if (info == null) {
            return "???";
        }
        if (info.elementOid() != 0 && info.name().startsWith("_")) {
            return format(new SqlType(info.elementOid(), type.typmod())) + "[]";
        }
        int m = type.typmod();
        return switch (type.oid()) {
            case TypeOids.BPCHAR -> m < 0 ? "bpchar" : "character(" + (m - 4) + ")";
            case TypeOids.VARCHAR -> m < 0 ? "character varying" : "character varying(" + (m - 4) + ")";
            case TypeOids.NUMERIC -> m < 0 ? "numeric"
                    : "numeric(" + (((m - 4) >> 16) & 0xFFFF) + "," + (short) ((m - 4) & 0xFFFF) + ")";
            case TypeOids.TIMESTAMP -> precision("timestamp", m) + " without time zone";
            case TypeOids.TIMESTAMPTZ -> precision("timestamp", m) + " with time zone";
            case TypeOids.TIME -> precision("time", m) + " without time zone";
            case TypeOids.TIMETZ -> precision("time", m) + " with time zone";
            case TypeOids.INTERVAL -> m < 0 || (m & 0xFFFF) == 0xFFFF ? "interval" : "interval(" + (m & 0xFFFF) + ")";
            case TypeOids.BIT -> m < 0 ? "\"bit\"" : "bit(" + m + ")";
            case TypeOids.ANY -> "\"any\"";
            case TypeOids.VARBIT -> m < 0 ? "bit varying" : "bit varying(" + m + ")";
            case TypeOids.INT2 -> "smallint";
            case TypeOids.INT4 -> "integer";
            case TypeOids.INT8 -> "bigint";
            case TypeOids.FLOAT4 -> "real";
            case TypeOids.FLOAT8 -> "double precision";
            case TypeOids.BOOL -> "boolean";
            case TypeOids.CHAR -> "\"char\"";
            default -> info.name();
        };
    }

    private static String precision(String base, int typmod) {
        return typmod < 0 ? base : base + "(" + typmod + ")";
    }

    /**
     * Resolves a type name of the grammar (lower-cased unless quoted; {@code "char"} keeps its
     * quotes) with its modifiers and array dimensions; 42704 when unknown.
     */
    public static SqlType resolve(String name, List<Integer> modifiers, int arrayDims) {
        String n = name.trim();
        while (n.endsWith("[]")) {
            n = n.substring(0, n.length() - 2).trim();
            arrayDims++;
        }
        if (n.startsWith("pg_catalog.")) {
            n = n.substring("pg_catalog.".length());
        }
        if (n.equalsIgnoreCase("float") && !modifiers.isEmpty()) {
            SqlType f = floatOfPrecision(modifiers);
            return arrayDims > 0 ? new SqlType(BuiltinTypes.arrayOf(f.oid()), -1) : f;
        }
        TypeInfo info;
        if (n.equals("\"char\"")) {
            info = BuiltinTypes.byOid(TypeOids.CHAR);
        } else {
            String lower = n.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            info = lower.equals("char") ? BuiltinTypes.byOid(TypeOids.BPCHAR) : BuiltinTypes.byName(lower);
        }
        if (info == null || info.kind() == 'p' && arrayDims > 0) {
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
        }
        int typmod = typmod(info, modifiers);
        int oid = info.oid();
        if (arrayDims > 0 && !info.isArray()) {
            oid = info.arrayOid();
        }
        return new SqlType(oid, typmod);
    }

    /** float(p): real for 1..24 bits, double precision for 25..53. */
    private static SqlType floatOfPrecision(List<Integer> mods) {
        int p = mods.get(0);
        if (mods.size() > 1) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, "invalid type modifier");
        }
        if (p < 1) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "precision for type float must be at least 1 bit");
        }
        if (p > 53) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "precision for type float must be less than 54 bits");
        }
        return p <= 24 ? SqlType.FLOAT4 : SqlType.FLOAT8;
    }

    private static int typmod(TypeInfo info, List<Integer> mods) {
        String display = info.name();
        switch (info.oid()) {
            case TypeOids.BPCHAR, TypeOids.VARCHAR -> {
                if (mods.isEmpty()) {
                    return info.oid() == TypeOids.BPCHAR ? 5 : -1;
                }
                expectCount(display, mods, 1);
                int len = mods.get(0);
                if (len < 1) {
                    throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "length for type " + display + " must be at least 1");
                }
                if (len > 10485760) {
                    throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "length for type " + display + " cannot exceed 10485760");
                }
                return len + 4;
            }
            case TypeOids.NUMERIC -> {
                if (mods.isEmpty()) {
                    return -1;
                }
                expectCount(display, mods, 2);
                int p = mods.get(0);
                int s = mods.size() > 1 ? mods.get(1) : 0;
                if (p < 1 || p > 1000) {
                    throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "NUMERIC precision " + p + " must be between 1 and 1000");
                }
                if (s < -1000 || s > 1000) {
                    throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "NUMERIC scale " + s + " must be between -1000 and 1000");
                }
                return ((p << 16) | (s & 0xFFFF)) + 4;
            }
            case TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ, TypeOids.TIME, TypeOids.TIMETZ -> {
                if (mods.isEmpty()) {
                    return -1;
                }
                expectCount(display, mods, 1);
                int p = mods.get(0);
                if (p < 0) {
                    throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "TIMESTAMP(" + p + ") precision must not be negative");
                }
                return Math.min(p, 6);
            }
            case TypeOids.INTERVAL -> {
                if (mods.isEmpty()) {
                    return -1;
                }
                expectCount(display, mods, 1);
                return (0x7FFF << 16) | Math.min(Math.max(mods.get(0), 0), 6);
            }
            case TypeOids.BIT, TypeOids.VARBIT -> {
                if (mods.isEmpty()) {
                    return info.oid() == TypeOids.BIT ? 1 : -1;
                }
                expectCount(display, mods, 1);
                return mods.get(0);
            }
            default -> {
                if (!mods.isEmpty()) {
                    throw new ShaleException(ErrorCode.SYNTAX_ERROR,
                            "type modifier is not allowed for type \"" + display + "\"");
                }
                return -1;
            }
        }
    }

    private static void expectCount(String name, List<Integer> mods, int max) {
        if (mods.size() > max) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, "invalid type modifier");
        }
    }
}
