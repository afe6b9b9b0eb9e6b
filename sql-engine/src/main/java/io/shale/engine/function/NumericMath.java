package io.shale.engine.function;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** PostgreSQL's numeric arithmetic where its result scale rules differ from BigDecimal's. */
final class NumericMath {
    private static final int MIN_SIG_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;

    private NumericMath() {
    }

    /** Division with PostgreSQL's select_div_scale: at least 16 significant digits. */
    static BigDecimal divide(BigDecimal x, BigDecimal y) {
        if (y.signum() == 0) {
            throw Numbers.divisionByZero();
        }
        int scale = divisionScale(x, y);
        return x.divide(y, scale, RoundingMode.HALF_UP);
    }

    static int divisionScale(BigDecimal x, BigDecimal y) {
        int w1 = weight(x);
        int w2 = weight(y);
        int qweight = w1 - w2;
        if (firstDigit(x, w1) <= firstDigit(y, w2)) {
            qweight--;
        }
        int scale = MIN_SIG_DIGITS - qweight * 4;
        scale = Math.max(scale, Math.max(displayScale(x), displayScale(y)));
        return Math.min(Math.max(scale, 0), MAX_DISPLAY_SCALE);
    }

    /** Weight in base-10000 digits of the first non-zero digit (0 for zero). */
    static int weight(BigDecimal v) {
        if (v.signum() == 0) {
            return 0;
        }
        int exponent = v.precision() - v.scale() - 1;
        return Math.floorDiv(exponent, 4);
    }

    private static int firstDigit(BigDecimal v, int weight) {
        if (v.signum() == 0) {
            return 0;
        }
        return v.abs().movePointLeft(weight * 4).setScale(0, RoundingMode.DOWN).intValue();
    }

    static int displayScale(BigDecimal v) {
        return Math.max(v.scale(), 0);
    }

    /** Truncating remainder with the larger input scale. */
    static BigDecimal mod(BigDecimal x, BigDecimal y) {
        if (y.signum() == 0) {
            throw Numbers.divisionByZero();
        }
        return x.remainder(y);
    }

    /** sqrt with PostgreSQL's result scale. */
    static BigDecimal sqrt(BigDecimal x) {
        if (x.signum() < 0) {
            throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                    "cannot take square root of a negative number");
        }
        int sweight = (weight(x) + 1) * 4 / 2 - 1;
        int scale = Math.min(Math.max(Math.max(MIN_SIG_DIGITS - sweight, displayScale(x)), 0), MAX_DISPLAY_SCALE);
        return x.sqrt(new MathContext(x.precision() + scale + 20)).setScale(scale, RoundingMode.HALF_UP);
    }

    private static final MathContext WORK = new MathContext(50, RoundingMode.HALF_EVEN);

    /**
     * Rounds a transcendental result to 16 digits counted from its decimal weight, truncated
     * toward zero as PostgreSQL estimates it (so 0.69 keeps 16 decimals), at least {@code minScale}.
     */
    static BigDecimal rounded(BigDecimal v, int minScale) {
        return rounded(v, v.signum() == 0 ? 0 : (int) Math.log10(v.abs().doubleValue()), minScale);
    }

    /**
     * Rounds to 16 significant digits as counted from an estimated decimal weight (exp and power
     * estimate it as the truncated log10 of the result, as PostgreSQL does).
     */
    static BigDecimal rounded(BigDecimal v, int dweight, int minScale) {
        int scale = Math.min(Math.max(Math.max(MIN_SIG_DIGITS - dweight, minScale), 0), MAX_DISPLAY_SCALE);
        return v.setScale(scale, RoundingMode.HALF_UP);
    }

    /** The decimal weight of e^x as PostgreSQL estimates it: x * log10(e), truncated. */
    static int estimatedWeight(BigDecimal x) {
        return (int) (x.doubleValue() * 0.434294481903252);
    }

    static BigDecimal exp(BigDecimal x) {
        if (x.compareTo(BigDecimal.valueOf(6000)) > 0) {
            throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value overflows numeric format");
        }
        int halvings = Math.max(0, x.abs().toBigInteger().bitLength() + 4);
        BigDecimal r = x.divide(BigDecimal.TWO.pow(halvings), WORK);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k < 60; k++) {
            term = term.multiply(r, WORK).divide(BigDecimal.valueOf(k), WORK);
            sum = sum.add(term, WORK);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, WORK);
        }
        return sum;
    }

    static BigDecimal ln(BigDecimal x) {
        if (x.signum() == 0) {
            throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                    "cannot take logarithm of zero");
        }
        if (x.signum() < 0) {
            throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                    "cannot take logarithm of a negative number");
        }
        int exponent = x.precision() - x.scale() - 1;
        BigDecimal m = x.movePointLeft(exponent);
        BigDecimal result = atanhLog(m);
        if (exponent != 0) {
            result = result.add(atanhLog(BigDecimal.TEN).multiply(BigDecimal.valueOf(exponent), WORK), WORK);
        }
        return result;
    }

    /** ln(m) for m in [1, 10] as 2 * atanh((m - 1) / (m + 1)), halving m into [1, 2) first. */
    private static BigDecimal atanhLog(BigDecimal m) {
        int twos = 0;
        while (m.compareTo(BigDecimal.TWO) >= 0) {
            m = m.divide(BigDecimal.TWO, WORK);
            twos++;
        }
        BigDecimal ln = series(m);
        if (twos > 0) {
            ln = ln.add(series(BigDecimal.TWO).multiply(BigDecimal.valueOf(twos), WORK), WORK);
        }
        return ln;
    }

    private static BigDecimal series(BigDecimal m) {
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), WORK);
        BigDecimal z2 = z.multiply(z, WORK);
        BigDecimal power = z;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 1; k < 400; k += 2) {
            BigDecimal term = power.divide(BigDecimal.valueOf(k), WORK);
            sum = sum.add(term, WORK);
            if (term.abs().compareTo(BigDecimal.ONE.movePointLeft(48)) < 0) {
                break;
            }
            power = power.multiply(z2, WORK);
        }
        return sum.multiply(BigDecimal.TWO, WORK);
    }

    /** power(numeric, numeric) with PostgreSQL's errors; at least 16 significant digits. */
    static BigDecimal power(BigDecimal x, BigDecimal y) {
        if (x.signum() == 0 && y.signum() < 0) {
            throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                    "zero raised to a negative power is undefined");
        }
        BigDecimal yi = y.stripTrailingZeros();
        boolean integral = yi.scale() <= 0;
        if (x.signum() < 0 && !integral) {
            throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        int minScale = Math.max(displayScale(x), displayScale(y));
        if (integral && yi.abs().compareTo(BigDecimal.valueOf(100000)) <= 0) {
            int n = yi.intValueExact();
            BigDecimal r = n >= 0 ? x.pow(n) : BigDecimal.ONE.divide(x.pow(-n), WORK);
            return r.setScale(Math.min(Math.max(MIN_SIG_DIGITS, minScale), MAX_DISPLAY_SCALE), RoundingMode.HALF_UP);
        }
        if (x.signum() == 0) {
            return rounded(BigDecimal.ZERO, minScale);
        }
        BigDecimal exponent = y.multiply(ln(x), WORK);
        return rounded(exp(exponent), estimatedWeight(exponent), minScale);
    }

    static BigInteger gcd(BigInteger a, BigInteger b) {
        return a.gcd(b);
    }
}
