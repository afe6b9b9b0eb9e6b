package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numeric conversions and the range checks of PostgreSQL's integer and float arithmetic. */
final class Numbers {
    private Numbers() {
    }

    static BigDecimal toBigDecimal(Object n) {
        return switch (n) {
            case BigDecimal d -> d;
            case Double d -> floatToNumeric(d);
            case Float f -> floatToNumeric(Double.parseDouble(Float.toString(f)));
            case Number x -> BigDecimal.valueOf(x.longValue());
            default -> throw new ShaleException(ErrorCode.DATATYPE_MISMATCH, "value is not a number");
        };
    }

    private static BigDecimal floatToNumeric(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot convert " + (Double.isNaN(d) ? "NaN" : "infinity") + " to numeric");
        }
        return new BigDecimal(Double.toString(d));
    }

    static double toDouble(Object n) {
        return ((Number) n).doubleValue();
    }

    static int toInt(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw outOfRange("integer");
        }
        return (int) v;
    }

    static short toShort(long v) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw outOfRange("smallint");
        }
        return (short) v;
    }

    static long toLong(BigDecimal v) {
        BigDecimal r = v.setScale(0, RoundingMode.HALF_UP);
        if (r.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || r.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            throw outOfRange("bigint");
        }
        return r.longValue();
    }

    static ShaleException outOfRange(String type) {
        return new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, type + " out of range");
    }

    static ShaleException divisionByZero() {
        return new ShaleException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
    }

    /** Checks a float8 result: overflow from finite inputs is 22003 "value out of range: overflow". */
    static double checkFloat(double result, boolean inputsInfinite) {
        if (Double.isInfinite(result) && !inputsInfinite) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return result;
    }

    static float checkFloat4(double result, boolean inputsInfinite) {
        float f = (float) result;
        if (Float.isInfinite(f) && !inputsInfinite) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return f;
    }

    /** Strips trailing zeros beyond {@code minScale}, as PostgreSQL's numeric display scale does. */
    static BigDecimal withScale(BigDecimal v, int scale) {
        return v.setScale(scale, RoundingMode.HALF_UP);
    }
}
