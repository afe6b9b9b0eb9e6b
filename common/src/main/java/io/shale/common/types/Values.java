package io.shale.common.types;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * SQL comparison, equality and hashing of non-null values of a known type: text in code point
 * order (C collation), bpchar without trailing spaces, numeric by value, NaN above all floats,
 * -0 equal to 0, intervals normalised, arrays element by element (NULL elements last).
 */
public final class Values {
    private Values() {
    }

    /**
     * The SQL type a Java value stands for when the context gives none (text for strings,
     * the array type of an array's element oid, record for rows).
     */
    public static SqlType typeOf(Object value) {
        return RecordCodec.typeOf(value);
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(SqlType type, Object a, Object b) {
        return compare(type.oid(), a, b);
    }

    static int compare(int oid, Object a, Object b) {
        switch (oid) {
            case TypeOids.BOOL:
                return Boolean.compare((Boolean) a, (Boolean) b);
            case TypeOids.INT2, TypeOids.INT4, TypeOids.INT8:
                return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
            case TypeOids.FLOAT4, TypeOids.FLOAT8:
                return compareDouble(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case TypeOids.NUMERIC:
                return ((BigDecimal) a).compareTo((BigDecimal) b);
            case TypeOids.BPCHAR:
                return compareCodePoints(Casts.rtrim((String) a), Casts.rtrim((String) b));
            case TypeOids.BYTEA:
                return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            case TypeOids.DATE:
                return ((LocalDate) a).compareTo((LocalDate) b);
            case TypeOids.TIME:
                return ((LocalTime) a).compareTo((LocalTime) b);
            case TypeOids.TIMETZ:
                return compareTimetz((OffsetTime) a, (OffsetTime) b);
            case TypeOids.TIMESTAMP:
                return ((LocalDateTime) a).compareTo((LocalDateTime) b);
            case TypeOids.TIMESTAMPTZ:
                return ((Instant) a).compareTo((Instant) b);
            case TypeOids.INTERVAL:
                return ((Interval) a).compareTo((Interval) b);
            case TypeOids.UUID:
                return compareUuid((UUID) a, (UUID) b);
            case TypeOids.INET, TypeOids.CIDR:
                return ((Inet) a).compareTo((Inet) b);
            case TypeOids.JSONB:
                return ((Jsonb) a).compareTo((Jsonb) b);
            default:
                return compareOther(oid, a, b);
        }
    }

    private static int compareOther(int oid, Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Integer x && b instanceof Integer y) {
            return Integer.compare(x, y);
        }
        if (a instanceof ArrayValue x && b instanceof ArrayValue y) {
            return compareArrays(x, y);
        }
        if (a instanceof RowValue x && b instanceof RowValue y) {
            return compareRows(x, y);
        }
        throw TypeErrors.unsupported(oid, "comparison");
    }

    /** PostgreSQL's float order: -0 = 0, NaN equal to itself and greater than everything. */
    public static int compareDouble(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        boolean an = Double.isNaN(a);
        boolean bn = Double.isNaN(b);
        return an == bn ? 0 : an ? 1 : -1;
    }

    /** Unicode code point order (UTF-8 byte order), i.e. the C collation. */
    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs != ys) {
                    return xs ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** timetz_cmp: by the UTC time, then the zone west of UTC (so +01 sorts before +00). */
    private static int compareTimetz(OffsetTime a, OffsetTime b) {
        int c = Long.compare(utcMicros(a), utcMicros(b));
        return c != 0 ? c : Integer.compare(b.getOffset().getTotalSeconds(), a.getOffset().getTotalSeconds());
    }

    static long utcMicros(OffsetTime t) {
        return PgTime.timeToMicros(t.toLocalTime()) - t.getOffset().getTotalSeconds() * 1_000_000L;
    }

    private static int compareUuid(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static int compareArrays(ArrayValue a, ArrayValue b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.elements()[i];
            Object y = b.elements()[i];
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1;
                }
                continue;
            }
            int c = compare(a.elementOid(), x, y);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(a.size(), b.size());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.ndims(), b.ndims());
        if (c != 0) {
            return c;
        }
        c = Arrays.compare(a.dims(), b.dims());
        return c != 0 ? c : Arrays.compare(a.lowerBounds(), b.lowerBounds());
    }

    private static int compareRows(RowValue a, RowValue b) {
        int n = Math.min(a.fields().length, b.fields().length);
        for (int i = 0; i < n; i++) {
            Object x = a.fields()[i];
            Object y = b.fields()[i];
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1;
                }
                continue;
            }
            int c = compare(RecordCodec.typeOf(x).oid(), x, y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.fields().length, b.fields().length);
    }

    /** SQL equality ({@code =}) of non-null values; NaN equals NaN as in PostgreSQL. */
    public static boolean equal(SqlType type, Object a, Object b) {
        return switch (type.oid()) {
            case TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.NAME -> a.equals(b);
            case TypeOids.INT4 -> a.equals(b);
            case TypeOids.INT8 -> a.equals(b);
            default -> compare(type.oid(), a, b) == 0;
        };
    }

    /** A hash consistent with {@link #equal}: 1.0 and 1.00 hash alike, as do 1 and 1::int8. */
    public static int hash(SqlType type, Object v) {
        return hash(type.oid(), v);
    }

    static int hash(int oid, Object v) {
        return switch (v) {
            case Short s -> Long.hashCode(s);
            case Integer i -> Long.hashCode(i);
            case Long l -> Long.hashCode(l);
            case Float f -> hashDouble(f);
            case Double d -> hashDouble(d);
            case BigDecimal d -> d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
            case String s -> oid == TypeOids.BPCHAR ? Casts.rtrim(s).hashCode() : s.hashCode();
            case byte[] b -> Arrays.hashCode(b);
            case Interval iv -> iv.sqlHash();
            case OffsetTime t -> t.hashCode();
            case ArrayValue a -> {
                int h = 1;
                for (Object e : a.elements()) {
                    h = h * 31 + (e == null ? 0 : hash(a.elementOid(), e));
                }
                yield h;
            }
            case RowValue r -> {
                int h = 1;
                for (Object e : r.fields()) {
                    h = h * 31 + (e == null ? 0 : hash(RecordCodec.typeOf(e).oid(), e));
                }
                yield h;
            }
            default -> v.hashCode();
        };
    }

    private static int hashDouble(double d) {
        if (d == 0) {
            return 0;
        }
        if (Double.isNaN(d)) {
            return 0x7ff80000;
        }
        return Double.hashCode(d);
    }
}
