package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.function.DoubleUnaryOperator;

/** Mathematical functions (PostgreSQL documentation 9.3). */
final class MathFunctions {
    private static final SqlType I2 = SqlType.INT2;
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType I8 = SqlType.INT8;
    private static final SqlType F4 = SqlType.FLOAT4;
    private static final SqlType F8 = SqlType.FLOAT8;
    private static final SqlType NUM = SqlType.NUMERIC;

    private MathFunctions() {
    }

    static void register(Registrar r) {
        r.def("abs", I2).args(I2).scalar((c, a) -> Numbers.toShort(Math.abs((int) (short) a[0])));
        r.def("abs", I4).args(I4).scalar((c, a) -> Numbers.toInt(Math.abs((long) (int) a[0])));
        r.def("abs", I8).args(I8).scalar((c, a) -> ArithmeticOperators.abs8((long) a[0]));
        r.def("abs", F4).args(F4).scalar((c, a) -> Math.abs((float) a[0]));
        r.def("abs", F8).args(F8).scalar((c, a) -> Math.abs((double) a[0]));
        r.def("abs", NUM).args(NUM).scalar((c, a) -> ((BigDecimal) a[0]).abs());
        for (String name : new String[] {"ceil", "ceiling"}) {
            r.def(name, F8).args(F8).scalar((c, a) -> Math.ceil((double) a[0]));
            r.def(name, NUM).args(NUM).scalar((c, a) -> ((BigDecimal) a[0]).setScale(0, RoundingMode.CEILING));
        }
        r.def("floor", F8).args(F8).scalar((c, a) -> Math.floor((double) a[0]));
        r.def("floor", NUM).args(NUM).scalar((c, a) -> ((BigDecimal) a[0]).setScale(0, RoundingMode.FLOOR));
        r.def("round", F8).args(F8).scalar((c, a) -> Math.rint((double) a[0]));
        r.def("round", NUM).args(NUM).scalar((c, a) -> ((BigDecimal) a[0]).setScale(0, RoundingMode.HALF_UP));
        r.def("round", NUM).args(NUM, I4).scalar((c, a) -> scaled((BigDecimal) a[0], (int) a[1], RoundingMode.HALF_UP));
        r.def("trunc", F8).args(F8).scalar((c, a) -> truncate((double) a[0]));
        r.def("trunc", NUM).args(NUM).scalar((c, a) -> ((BigDecimal) a[0]).setScale(0, RoundingMode.DOWN));
        r.def("trunc", NUM).args(NUM, I4).scalar((c, a) -> scaled((BigDecimal) a[0], (int) a[1], RoundingMode.DOWN));
        r.def("mod", I2).args(I2, I2).scalar((c, a) -> (short) ArithmeticOperators.modulo((short) a[0], (short) a[1]));
        r.def("mod", I4).args(I4, I4).scalar((c, a) -> (int) ArithmeticOperators.modulo((int) a[0], (int) a[1]));
        r.def("mod", I8).args(I8, I8).scalar((c, a) -> ArithmeticOperators.modulo((long) a[0], (long) a[1]));
        r.def("mod", NUM).args(NUM, NUM).scalar((c, a) -> NumericMath.mod((BigDecimal) a[0], (BigDecimal) a[1]));
        r.def("div", NUM).args(NUM, NUM).scalar((c, a) -> div((BigDecimal) a[0], (BigDecimal) a[1]));
        for (String name : new String[] {"power", "pow"}) {
            r.def(name, F8).args(F8, F8).scalar((c, a) -> power((double) a[0], (double) a[1]));
            r.def(name, NUM).args(NUM, NUM).scalar((c, a) -> NumericMath.power((BigDecimal) a[0], (BigDecimal) a[1]));
        }
        r.def("sqrt", F8).args(F8).scalar((c, a) -> sqrt((double) a[0]));
        r.def("sqrt", NUM).args(NUM).scalar((c, a) -> NumericMath.sqrt((BigDecimal) a[0]));
        r.def("cbrt", F8).args(F8).scalar((c, a) -> Math.cbrt((double) a[0]));
        r.def("exp", F8).args(F8).scalar((c, a) -> Numbers.checkFloat(Math.exp((double) a[0]), Double.isInfinite((double) a[0])));
        r.def("exp", NUM).args(NUM).scalar((c, a) -> NumericMath.rounded(NumericMath.exp((BigDecimal) a[0]),
                NumericMath.estimatedWeight((BigDecimal) a[0]), NumericMath.displayScale((BigDecimal) a[0])));
        r.def("ln", F8).args(F8).scalar((c, a) -> Math.log(checkLogArgument((double) a[0])));
        r.def("ln", NUM).args(NUM).scalar((c, a) -> NumericMath.rounded(NumericMath.ln((BigDecimal) a[0]),
                NumericMath.displayScale((BigDecimal) a[0])));
        for (String name : new String[] {"log", "log10"}) {
            r.def(name, F8).args(F8).scalar((c, a) -> Math.log10(checkLogArgument((double) a[0])));
            r.def(name, NUM).args(NUM).scalar((c, a) -> log((BigDecimal) a[0], BigDecimal.TEN));
        }
        r.def("log", NUM).args(NUM, NUM).scalar((c, a) -> log((BigDecimal) a[1], (BigDecimal) a[0]));
        r.def("scale", I4).args(NUM).scalar((c, a) -> NumericMath.displayScale((BigDecimal) a[0]));
        r.def("min_scale", I4).args(NUM).scalar((c, a) -> Math.max(0, ((BigDecimal) a[0]).stripTrailingZeros().scale()));
        r.def("trim_scale", NUM).args(NUM).scalar((c, a) -> {
            BigDecimal v = ((BigDecimal) a[0]).stripTrailingZeros();
            return v.scale() < 0 ? v.setScale(0) : v;
        });
        r.def("sign", F8).args(F8).scalar((c, a) -> Math.signum((double) a[0]));
        r.def("sign", NUM).args(NUM).scalar((c, a) -> BigDecimal.valueOf(((BigDecimal) a[0]).signum()));
        r.def("pi", F8).scalar((c, a) -> Math.PI);
        r.def("random", F8).volatileFunction().scalar((c, a) -> c.random().nextDouble());
        r.def("setseed", SqlType.VOID).args(F8).volatileFunction().scalar((c, a) -> setseed(c, (double) a[0]));
        r.def("gcd", I4).args(I4, I4).scalar((c, a) -> Numbers.toInt(gcd((int) a[0], (int) a[1]).longValueExact()));
        r.def("gcd", I8).args(I8, I8).scalar((c, a) -> Numbers.toLong(new BigDecimal(gcd((long) a[0], (long) a[1]))));
        r.def("lcm", I4).args(I4, I4).scalar((c, a) -> Numbers.toInt(lcm((int) a[0], (int) a[1]).longValueExact()));
        r.def("lcm", I8).args(I8, I8).scalar((c, a) -> Numbers.toLong(new BigDecimal(lcm((long) a[0], (long) a[1]))));
        r.def("factorial", NUM).args(I8).scalar((c, a) -> factorial((long) a[0]));
        r.def("width_bucket", I4).args(F8, F8, F8, I4).scalar((c, a) -> widthBucket(
                (double) a[0], (double) a[1], (double) a[2], (int) a[3]));
        r.def("width_bucket", I4).args(NUM, NUM, NUM, I4).scalar((c, a) -> widthBucket(
                ((BigDecimal) a[0]).doubleValue(), ((BigDecimal) a[1]).doubleValue(), ((BigDecimal) a[2]).doubleValue(),
                (int) a[3]));
        trigonometry(r);
    }

    private static void trigonometry(Registrar r) {
        unary(r, "degrees", Math::toDegrees);
        unary(r, "radians", Math::toRadians);
        unary(r, "sin", Math::sin);
        unary(r, "cos", Math::cos);
        unary(r, "tan", Math::tan);
        unary(r, "cot", x -> 1.0 / Math.tan(x));
        unary(r, "asin", x -> inputRange(Math.asin(x), x));
        unary(r, "acos", x -> inputRange(Math.acos(x), x));
        unary(r, "atan", Math::atan);
        unary(r, "sinh", Math::sinh);
        unary(r, "cosh", Math::cosh);
        unary(r, "tanh", Math::tanh);
        unary(r, "sind", x -> Math.sin(Math.toRadians(x)));
        unary(r, "cosd", x -> Math.cos(Math.toRadians(x)));
        r.def("atan2", F8).args(F8, F8).scalar((c, a) -> Math.atan2((double) a[0], (double) a[1]));
    }

    private static void unary(Registrar r, String name, DoubleUnaryOperator f) {
        r.def(name, F8).args(F8).scalar((c, a) -> f.applyAsDouble((double) a[0]));
    }

    private static double inputRange(double result, double x) {
        if (Double.isNaN(result) && !Double.isNaN(x)) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
        }
        return result;
    }

    private static Object setseed(EvalContext c, double seed) {
        if (seed < -1 || seed > 1 || Double.isNaN(seed)) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "setseed parameter " + AnyText.format(seed, c) + " is out of allowed range [-1,1]");
        }
        c.setSeed(seed);
        return null;
    }

    static double truncate(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    private static BigDecimal scaled(BigDecimal v, int scale, RoundingMode mode) {
        BigDecimal r = v.setScale(Math.max(Math.min(scale, 1000), -1000), mode);
        return scale < 0 ? r.setScale(0, RoundingMode.UNNECESSARY) : r;
    }

    private static BigDecimal div(BigDecimal x, BigDecimal y) {
        if (y.signum() == 0) {
            throw Numbers.divisionByZero();
        }
        return x.divideToIntegralValue(y).setScale(0, RoundingMode.DOWN);
    }

    static double power(double x, double y) {
        if (x == 0 && y < 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "zero raised to a negative power is undefined");
        }
        if (x < 0 && y != Math.floor(y) && !Double.isInfinite(y)) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        if (r == 0 && x != 0 && !Double.isInfinite(y) && !Double.isInfinite(x)) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
        }
        return r;
    }

    static double sqrt(double x) {
        if (x < 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot take square root of a negative number");
        }
        return Math.sqrt(x);
    }

    private static double checkLogArgument(double x) {
        if (x == 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot take logarithm of zero");
        }
        if (x < 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot take logarithm of a negative number");
        }
        return x;
    }

    private static BigDecimal log(BigDecimal x, BigDecimal base) {
        BigDecimal lnBase = NumericMath.ln(base);
        if (lnBase.signum() == 0) {
            throw Numbers.divisionByZero();
        }
        BigDecimal r = NumericMath.ln(x).divide(lnBase, new java.math.MathContext(50));
        return NumericMath.rounded(r, Math.max(NumericMath.displayScale(x), NumericMath.displayScale(base)));
    }

    private static BigInteger gcd(long x, long y) {
        return BigInteger.valueOf(x).gcd(BigInteger.valueOf(y));
    }

    private static BigInteger lcm(long x, long y) {
        if (x == 0 || y == 0) {
            return BigInteger.ZERO;
        }
        BigInteger bx = BigInteger.valueOf(x);
        BigInteger by = BigInteger.valueOf(y);
        return bx.divide(bx.gcd(by)).multiply(by).abs();
    }

    private static BigDecimal factorial(long n) {
        if (n < 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "factorial of a negative number is undefined");
        }
        if (n > 32177) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
        BigInteger r = BigInteger.ONE;
        for (long i = 2; i <= n; i++) {
            r = r.multiply(BigInteger.valueOf(i));
        }
        return new BigDecimal(r);
    }

    private static int widthBucket(double operand, double low, double high, int count) {
        if (count <= 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "count must be greater than zero");
        }
        if (low == high) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "lower bound cannot equal upper bound");
        }
        if (low < high) {
            if (operand < low) {
                return 0;
            }
            if (operand >= high) {
                return Numbers.toInt(count + 1L);
            }
            return (int) ((operand - low) / (high - low) * count) + 1;
        }
        if (operand > low) {
            return 0;
        }
        if (operand <= high) {
            return Numbers.toInt(count + 1L);
        }
        return (int) ((low - operand) / (low - high) * count) + 1;
    }
}
