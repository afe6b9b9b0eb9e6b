package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/**
 * Value conversion between types with PostgreSQL's semantics, and the pg_cast context of each
 * pair of types for operator and function resolution.
 */
public final class Casts {
    private Casts() {
    }

    /** The context in which a cast from {@code fromOid} to {@code toOid} may be applied. */
    public static CastContext castContext(int fromOid, int toOid) {
        return CastTable.context(fromOid, toOid);
    }

    /** An explicit cast ({@code CAST(x AS t)} / {@code x::t}): varchar(n) and char(n) truncate. */
    public static Object cast(Object value, SqlType from, SqlType to, FormatSettings s) {
        return cast(value, from, to, s, CastContext.EXPLICIT);
    }

    /**
     * A cast applied in {@code context}: in ASSIGNMENT or IMPLICIT context an over-long string
     * is 22001 {@code value too long for type character varying(3)}. Null stays null.
     */
    public static Object cast(Object value, SqlType from, SqlType to, FormatSettings s, CastContext context) {
        if (value == null) {
            return null;
        }
        boolean explicit = context == CastContext.EXPLICIT;
        int f = from.oid();
        int t = to.oid();
        if (isString(t)) {
            String text = f == TypeOids.BOOL ? ((Boolean) value ? "true" : "false")
                    : f == TypeOids.BPCHAR && t != TypeOids.BPCHAR ? rtrim((String) value)
                    : (f == TypeOids.INET || f == TypeOids.CIDR) && f != t ? ((Inet) value).format(true)
                    : isString(f) ? (String) value : TextCodec.format(from, value, s);
            return toStringType(text, to, explicit);
        }
        if (isString(f)) {
            String text = f == TypeOids.BPCHAR ? rtrim((String) value) : (String) value;
            if (to.typmod() < 0) {
                return TextCodec.parse(to, text, s);
            }
            SqlType plain = new SqlType(t, -1);
            return cast(TextCodec.parse(plain, text, s), plain, to, s, context);
        }
        if (f == t && !NumberCasts.isNumber(t) && !DateTimeCasts.isDateTime(t) && BuiltinTypes.elementOf(t) == 0) {
            return value;
        }
        if (NumberCasts.isNumber(f) && NumberCasts.isNumber(t) || f == TypeOids.BOOL && t == TypeOids.INT4) {
            return NumberCasts.cast(value, to);
        }
        if (t == TypeOids.BOOL && (f == TypeOids.INT4 || f == TypeOids.INT2 || f == TypeOids.INT8)) {
            return ((Number) value).longValue() != 0;
        }
        if (DateTimeCasts.isDateTime(f) && DateTimeCasts.isDateTime(t)) {
            Object r = DateTimeCasts.cast(value, f, to, s);
            if (r != null) {
                return r;
            }
        }
        if (f == TypeOids.JSON && t == TypeOids.JSONB) {
            return Jsonb.parse((String) value);
        }
        if (f == TypeOids.JSONB && t == TypeOids.JSON) {
            return value.toString();
        }
        if ((f == TypeOids.INET || f == TypeOids.CIDR) && (t == TypeOids.INET || t == TypeOids.CIDR)) {
            return t == TypeOids.CIDR ? ((Inet) value).network() : value;
        }
        int fe = BuiltinTypes.elementOf(f);
        int te = BuiltinTypes.elementOf(t);
        if (fe != 0 && te != 0) {
            return castArray((ArrayValue) value, new SqlType(fe, from.typmod()), new SqlType(te, to.typmod()), s, context);
        }
        if (BuiltinTypes.isEnum(f) && BuiltinTypes.isEnum(t) && f == t) {
            return value;
        }
        throw new ShaleException(ErrorCode.CANNOT_COERCE,
                "cannot cast type " + TypeNames.format(SqlType.of(f)) + " to " + TypeNames.format(SqlType.of(t)));
    }

    private static ArrayValue castArray(ArrayValue a, SqlType fe, SqlType te, FormatSettings s, CastContext c) {
        Object[] out = new Object[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cast(a.elements()[i], fe, te, s, c);
        }
        return new ArrayValue(te.oid(), a.dims(), a.lowerBounds(), out);
    }

    private static Object toStringType(String text, SqlType to, boolean explicit) {
        return switch (to.oid()) {
            case TypeOids.VARCHAR, TypeOids.BPCHAR -> StringCodec.applyLength(to, text, explicit);
            case TypeOids.NAME -> StringCodec.truncateBytes(text, StringCodec.NAME_MAX_BYTES);
            case TypeOids.CHAR -> StringCodec.toChar(text);
            default -> text;
        };
    }

    /** Whether values of the type are held as String and convert through text (enums excluded). */
    static boolean isString(int oid) {
        return oid == TypeOids.TEXT || oid == TypeOids.VARCHAR || oid == TypeOids.BPCHAR || oid == TypeOids.NAME
                || oid == TypeOids.UNKNOWN || oid == TypeOids.CHAR || oid == TypeOids.CSTRING;
    }

    static String rtrim(String s) {
        int n = s.length();
        while (n > 0 && s.charAt(n - 1) == ' ') {
            n--;
        }
        return s.substring(0, n);
    }
}
