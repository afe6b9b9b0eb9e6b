package io.shale.engine.function;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.UUID;

/**
 * Ordering of non-null values as PostgreSQL's btree comparison functions order them (C
 * collation for text, NaN above every number, unsigned bytes for bytea and uuid, intervals by
 * their 30-day-month span, arrays element by element). Stand-in for {@code Values.compare}.
 */
final class Compare {
    private Compare() {
    }

    static int compare(Object a, Object b) {
        return switch (a) {
            case Integer x when b instanceof Integer y -> Integer.compare(x, y);
            case Long x when b instanceof Long y -> Long.compare(x, y);
            case Short x when b instanceof Short y -> Short.compare(x, y);
            case String x when b instanceof String y -> compareText(x, y);
            case Number x when b instanceof Number y -> compareNumbers(x, y);
            case Boolean x when b instanceof Boolean y -> Boolean.compare(x, y);
            case byte[] x when b instanceof byte[] y -> java.util.Arrays.compareUnsigned(x, y);
            case LocalDate x when b instanceof LocalDate y -> x.compareTo(y);
            case LocalDateTime x when b instanceof LocalDateTime y -> x.compareTo(y);
            case Instant x when b instanceof Instant y -> x.compareTo(y);
            case LocalTime x when b instanceof LocalTime y -> x.compareTo(y);
            case OffsetTime x when b instanceof OffsetTime y -> x.compareTo(y);
            case UUID x when b instanceof UUID y -> compareUuid(x, y);
            case Interval x when b instanceof Interval y -> x.span().compareTo(y.span());
            case ArrayValue x when b instanceof ArrayValue y -> compareArrays(x, y);
            case Inet x when b instanceof Inet y -> InetFunctions.compare(x, y);
            case Jsonb x when b instanceof Jsonb y -> JsonTrees.compare(x.tree(), y.tree(), true);
            default -> throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.DATATYPE_MISMATCH,
                    "cannot compare values of different types");
        };
    }

    static boolean equal(Object a, Object b) {
        return compare(a, b) == 0;
    }

    /** Text in the C collation: by Unicode code point, which is UTF-8 byte order. */
    static int compareText(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char c = x.charAt(i);
            char d = y.charAt(i);
            if (c != d) {
                if (Character.isSurrogate(c) || Character.isSurrogate(d)) {
                    return Integer.compare(x.codePointAt(i), y.codePointAt(i));
                }
                return c - d;
            }
        }
        return x.length() - y.length();
    }

    static int compareNumbers(Number x, Number y) {
        if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (x instanceof BigDecimal || y instanceof BigDecimal) {
            return Numbers.toBigDecimal(x).compareTo(Numbers.toBigDecimal(y));
        }
        return Long.compare(x.longValue(), y.longValue());
    }

    private static int compareUuid(UUID x, UUID y) {
        int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }

    private static int compareArrays(ArrayValue x, ArrayValue y) {
        int n = Math.min(x.elements().length, y.elements().length);
        for (int i = 0; i < n; i++) {
            Object a = x.elements()[i];
            Object b = y.elements()[i];
            if (a == null || b == null) {
                if (a != b) {
                    return a == null ? 1 : -1;
                }
                continue;
            }
            int c = compare(a, b);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(x.elements().length, y.elements().length);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(x.ndims(), y.ndims());
        for (int i = 0; c == 0 && i < x.ndims(); i++) {
            c = Integer.compare(x.dimensions()[i], y.dimensions()[i]);
            if (c == 0) {
                c = Integer.compare(x.lowerBounds()[i], y.lowerBounds()[i]);
            }
        }
        return c;
    }
}
