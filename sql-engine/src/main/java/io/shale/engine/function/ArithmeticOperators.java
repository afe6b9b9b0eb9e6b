package io.shale.engine.function;

import io.shale.common.types.SqlType;

import java.math.BigDecimal;

/** + - * / % ^ and the prefix operators on the numeric types, with PostgreSQL's result types and errors. */
final class ArithmeticOperators {
    private static final SqlType I2 = SqlType.INT2;
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType I8 = SqlType.INT8;
    private static final SqlType F4 = SqlType.FLOAT4;
    private static final SqlType F8 = SqlType.FLOAT8;
    private static final SqlType NUM = SqlType.NUMERIC;

    private ArithmeticOperators() {
    }

    static void register(OperatorRegistrar r) {
        integers(r);
        floats(r);
        numerics(r);
    }

    private static void integers(OperatorRegistrar r) {
        r.binary("+", I2, I2, I2, (c, a) -> Numbers.toShort((short) a[0] + (short) a[1]));
        r.binary("-", I2, I2, I2, (c, a) -> Numbers.toShort((short) a[0] - (short) a[1]));
        r.binary("*", I2, I2, I2, (c, a) -> Numbers.toShort((short) a[0] * (short) a[1]));
        r.binary("/", I2, I2, I2, (c, a) -> Numbers.toShort(divide((short) a[0], (short) a[1])));
        r.binary("%", I2, I2, I2, (c, a) -> (short) modulo((short) a[0], (short) a[1]));
        r.binary("+", I4, I4, I4, (c, a) -> Numbers.toInt((long) (int) a[0] + (int) a[1]));
        r.binary("-", I4, I4, I4, (c, a) -> Numbers.toInt((long) (int) a[0] - (int) a[1]));
        r.binary("*", I4, I4, I4, (c, a) -> Numbers.toInt((long) (int) a[0] * (int) a[1]));
        r.binary("/", I4, I4, I4, (c, a) -> Numbers.toInt(divide((int) a[0], (int) a[1])));
        r.binary("%", I4, I4, I4, (c, a) -> (int) modulo((int) a[0], (int) a[1]));
        r.binary("+", I8, I8, I8, (c, a) -> add8((long) a[0], (long) a[1]));
        r.binary("-", I8, I8, I8, (c, a) -> subtract8((long) a[0], (long) a[1]));
        r.binary("*", I8, I8, I8, (c, a) -> multiply8((long) a[0], (long) a[1]));
        r.binary("/", I8, I8, I8, (c, a) -> divide((long) a[0], (long) a[1]));
        r.binary("%", I8, I8, I8, (c, a) -> modulo((long) a[0], (long) a[1]));
        r.prefix("-", I2, I2, (c, a) -> Numbers.toShort(-(short) a[0]));
        r.prefix("-", I4, I4, (c, a) -> Numbers.toInt(-(long) (int) a[0]));
        r.prefix("-", I8, I8, (c, a) -> subtract8(0, (long) a[0]));
        r.prefix("+", I2, I2, (c, a) -> a[0]);
        r.prefix("+", I4, I4, (c, a) -> a[0]);
        r.prefix("+", I8, I8, (c, a) -> a[0]);
        r.prefix("@", I2, I2, (c, a) -> Numbers.toShort(Math.abs((int) (short) a[0])));
        r.prefix("@", I4, I4, (c, a) -> Numbers.toInt(Math.abs((long) (int) a[0])));
        r.prefix("@", I8, I8, (c, a) -> abs8((long) a[0]));
        bitwise(r);
    }

    private static void bitwise(OperatorRegistrar r) {
        r.binary("&", I2, I2, I2, (c, a) -> (short) ((short) a[0] & (short) a[1]));
        r.binary("|", I2, I2, I2, (c, a) -> (short) ((short) a[0] | (short) a[1]));
        r.binary("#", I2, I2, I2, (c, a) -> (short) ((short) a[0] ^ (short) a[1]));
        r.binary("<<", I2, I4, I2, (c, a) -> (short) ((short) a[0] << (int) a[1]));
        r.binary(">>", I2, I4, I2, (c, a) -> (short) ((short) a[0] >> (int) a[1]));
        r.prefix("~", I2, I2, (c, a) -> (short) ~(short) a[0]);
        r.binary("&", I4, I4, I4, (c, a) -> (int) a[0] & (int) a[1]);
        r.binary("|", I4, I4, I4, (c, a) -> (int) a[0] | (int) a[1]);
        r.binary("#", I4, I4, I4, (c, a) -> (int) a[0] ^ (int) a[1]);
        r.binary("<<", I4, I4, I4, (c, a) -> (int) a[0] << (int) a[1]);
        r.binary(">>", I4, I4, I4, (c, a) -> (int) a[0] >> (int) a[1]);
        r.prefix("~", I4, I4, (c, a) -> ~(int) a[0]);
        r.binary("&", I8, I8, I8, (c, a) -> (long) a[0] & (long) a[1]);
        r.binary("|", I8, I8, I8, (c, a) -> (long) a[0] | (long) a[1]);
        r.binary("#", I8, I8, I8, (c, a) -> (long) a[0] ^ (long) a[1]);
        r.binary("<<", I8, I4, I8, (c, a) -> (long) a[0] << (int) a[1]);
        r.binary(">>", I8, I4, I8, (c, a) -> (long) a[0] >> (int) a[1]);
        r.prefix("~", I8, I8, (c, a) -> ~(long) a[0]);
    }

    private static void floats(OperatorRegistrar r) {
        r.binary("+", F4, F4, F4, (c, a) -> f4((float) a[0] + (double) (float) a[1], a));
        r.binary("-", F4, F4, F4, (c, a) -> f4((float) a[0] - (double) (float) a[1], a));
        r.binary("*", F4, F4, F4, (c, a) -> f4((float) a[0] * (double) (float) a[1], a));
        r.binary("/", F4, F4, F4, (c, a) -> f4(divideFloat((float) a[0], (float) a[1]), a));
        r.prefix("-", F4, F4, (c, a) -> -(float) a[0]);
        r.prefix("+", F4, F4, (c, a) -> a[0]);
        r.prefix("@", F4, F4, (c, a) -> Math.abs((float) a[0]));
        r.binary("+", F4, F8, F8, (c, a) -> f8(toDouble(a[0]) + (double) a[1], a));
        r.binary("-", F4, F8, F8, (c, a) -> f8(toDouble(a[0]) - (double) a[1], a));
        r.binary("*", F4, F8, F8, (c, a) -> f8(toDouble(a[0]) * (double) a[1], a));
        r.binary("/", F4, F8, F8, (c, a) -> f8(divideFloat(toDouble(a[0]), (double) a[1]), a));
        r.binary("+", F8, F4, F8, (c, a) -> f8((double) a[0] + toDouble(a[1]), a));
        r.binary("-", F8, F4, F8, (c, a) -> f8((double) a[0] - toDouble(a[1]), a));
        r.binary("*", F8, F4, F8, (c, a) -> f8((double) a[0] * toDouble(a[1]), a));
        r.binary("/", F8, F4, F8, (c, a) -> f8(divideFloat((double) a[0], toDouble(a[1])), a));
        r.binary("+", F8, F8, F8, (c, a) -> f8((double) a[0] + (double) a[1], a));
        r.binary("-", F8, F8, F8, (c, a) -> f8((double) a[0] - (double) a[1], a));
        r.binary("*", F8, F8, F8, (c, a) -> f8((double) a[0] * (double) a[1], a));
        r.binary("/", F8, F8, F8, (c, a) -> f8(divideFloat((double) a[0], (double) a[1]), a));
        r.binary("^", F8, F8, F8, (c, a) -> MathFunctions.power((double) a[0], (double) a[1]));
        r.prefix("-", F8, F8, (c, a) -> -(double) a[0]);
        r.prefix("+", F8, F8, (c, a) -> a[0]);
        r.prefix("@", F8, F8, (c, a) -> Math.abs((double) a[0]));
        r.prefix("|/", F8, F8, (c, a) -> MathFunctions.sqrt((double) a[0]));
        r.prefix("||/", F8, F8, (c, a) -> Math.cbrt((double) a[0]));
    }

    private static void numerics(OperatorRegistrar r) {
        r.binary("+", NUM, NUM, NUM, (c, a) -> ((BigDecimal) a[0]).add((BigDecimal) a[1]));
        r.binary("-", NUM, NUM, NUM, (c, a) -> ((BigDecimal) a[0]).subtract((BigDecimal) a[1]));
        r.binary("*", NUM, NUM, NUM, (c, a) -> ((BigDecimal) a[0]).multiply((BigDecimal) a[1]));
        r.binary("/", NUM, NUM, NUM, (c, a) -> NumericMath.divide((BigDecimal) a[0], (BigDecimal) a[1]));
        r.binary("%", NUM, NUM, NUM, (c, a) -> NumericMath.mod((BigDecimal) a[0], (BigDecimal) a[1]));
        r.binary("^", NUM, NUM, NUM, (c, a) -> NumericMath.power((BigDecimal) a[0], (BigDecimal) a[1]));
        r.prefix("-", NUM, NUM, (c, a) -> ((BigDecimal) a[0]).negate());
        r.prefix("+", NUM, NUM, (c, a) -> a[0]);
        r.prefix("@", NUM, NUM, (c, a) -> ((BigDecimal) a[0]).abs());
    }

    private static Object f4(double result, Object[] a) {
        boolean inf = false;
        for (Object o : a) {
            inf |= Float.isInfinite((float) o);
        }
        return Numbers.checkFloat4(result, inf);
    }

    /** float4 widened exactly to float8, as PostgreSQL's float48 operators do. */
    private static double toDouble(Object f) {
        return (float) f;
    }

    private static Object f8(double result, Object[] a) {
        boolean inf = false;
        for (Object o : a) {
            inf |= Double.isInfinite(((Number) o).doubleValue());
        }
        return Numbers.checkFloat(result, inf);
    }

    static double divideFloat(double x, double y) {
        if (y == 0.0) {
            throw Numbers.divisionByZero();
        }
        return x / y;
    }

    static long divide(long x, long y) {
        if (y == 0) {
            throw Numbers.divisionByZero();
        }
        if (x == Long.MIN_VALUE && y == -1) {
            throw Numbers.outOfRange("bigint");
        }
        return x / y;
    }

    static long modulo(long x, long y) {
        if (y == 0) {
            throw Numbers.divisionByZero();
        }
        return y == -1 ? 0 : x % y;
    }

    static long add8(long x, long y) {
        try {
            return Math.addExact(x, y);
        } catch (ArithmeticException e) {
            throw Numbers.outOfRange("bigint");
        }
    }

    static long subtract8(long x, long y) {
        try {
            return Math.subtractExact(x, y);
        } catch (ArithmeticException e) {
            throw Numbers.outOfRange("bigint");
        }
    }

    static long multiply8(long x, long y) {
        try {
            return Math.multiplyExact(x, y);
        } catch (ArithmeticException e) {
            throw Numbers.outOfRange("bigint");
        }
    }

    static long abs8(long x) {
        if (x == Long.MIN_VALUE) {
            throw Numbers.outOfRange("bigint");
        }
        return Math.abs(x);
    }
}
