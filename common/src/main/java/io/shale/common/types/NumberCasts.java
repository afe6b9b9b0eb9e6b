package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Casts among int2, int4, int8, oid, float4, float8, numeric and bool. */
final class NumberCasts {
    private NumberCasts() {
    }

    static boolean isNumber(int oid) {
        return switch (oid) {
            case TypeOids.INT2, TypeOids.INT4, TypeOids.INT8, TypeOids.FLOAT4, TypeOids.FLOAT8, TypeOids.NUMERIC,
                 TypeOids.OID, TypeOids.REGPROC, TypeOids.REGPROCEDURE, TypeOids.REGCLASS, TypeOids.REGTYPE,
                 TypeOids.REGNAMESPACE, TypeOids.REGROLE, TypeOids.REGOPER, TypeOids.REGOPERATOR,
                 TypeOids.REGCONFIG, TypeOids.REGCOLLATION -> true;
            default -> false;
        };
    }

    static boolean isOidLike(int oid) {
        return isNumber(oid) && oid != TypeOids.INT2 && oid != TypeOids.INT4 && oid != TypeOids.INT8
                && oid != TypeOids.FLOAT4 && oid != TypeOids.FLOAT8 && oid != TypeOids.NUMERIC;
    }

    static Object cast(Object v, SqlType to) {
        return switch (to.oid()) {
            case TypeOids.INT2 -> (short) toIntegral(v, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case TypeOids.INT4 -> (int) toIntegral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case TypeOids.INT8 -> toIntegral(v, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case TypeOids.FLOAT8 -> toDouble(v);
            case TypeOids.FLOAT4 -> {
                double d = toDouble(v);
                float f = (float) d;
                if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                    throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                }
                if (f == 0 && d != 0) {
                    throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
                }
                yield f;
            }
            case TypeOids.NUMERIC -> NumericCodec.applyTypmod(toNumeric(v), to.typmod());
            default -> {
                long l = toIntegral(v, Integer.MIN_VALUE, 0xFFFFFFFFL, "OID");
                yield l & 0xFFFFFFFFL;
            }
        };
    }

    /** Rounds to an integer (numeric half away from zero, floats half to even) and range-checks. */
    static long toIntegral(Object v, long min, long max, String name) {
        long r;
        switch (v) {
            case Short s -> r = s;
            case Integer i -> r = i;
            case Long l -> r = l;
            case Float f -> r = fromDouble(f, name);
            case Double d -> r = fromDouble(d, name);
            case BigDecimal d -> {
                BigDecimal x = d.setScale(0, RoundingMode.HALF_UP);
                if (x.compareTo(BigDecimal.valueOf(min)) < 0 || x.compareTo(BigDecimal.valueOf(max)) > 0) {
                    throw TypeErrors.outOfRange(name);
                }
                r = x.longValue();
            }
            case Boolean b -> r = b ? 1 : 0;
            default -> throw new IllegalArgumentException("not a number: " + v.getClass().getSimpleName());
        }
        if (r < min || r > max) {
            throw TypeErrors.outOfRange(name);
        }
        return r;
    }

    private static long fromDouble(double d, String name) {
        double r = Math.rint(d);
        if (Double.isNaN(r) || r < -9.223372036854775808E18 || r >= 9.223372036854775808E18) {
            throw TypeErrors.outOfRange(name);
        }
        return (long) r;
    }

    static double toDouble(Object v) {
        return switch (v) {
            case Float f -> f;
            case Double d -> d;
            case BigDecimal d -> d.doubleValue();
            case Number n -> n.doubleValue();
            default -> throw new IllegalArgumentException("not a number");
        };
    }

    static BigDecimal toNumeric(Object v) {
        return switch (v) {
            case Short s -> BigDecimal.valueOf(s);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case BigDecimal d -> d;
            case Float f -> fromFloat(f, 6);
            case Double d -> fromFloat(d, 15);
            default -> throw new IllegalArgumentException("not a number");
        };
    }

    /** float to numeric keeps DBL_DIG (FLT_DIG) significant digits as PostgreSQL does. */
    private static BigDecimal fromFloat(double d, int digits) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "cannot convert " + (Double.isNaN(d) ? "NaN" : "infinity") + " to numeric");
        }
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal b = new BigDecimal(d).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
