package io.shale.common.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** float4 and float8 as Float and Double, printed as PostgreSQL 12+ does (extra_float_digits). */
final class FloatCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        boolean single = type.oid() == TypeOids.FLOAT4;
        double d = ((Number) value).doubleValue();
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
        }
        if (Math.abs(d) == Double.MIN_VALUE || single && Math.abs(d) == Float.MIN_VALUE) {
            return (d < 0 ? "-" : "") + (single ? "1e-45" : "5e-324");
        }
        int efd = settings.extraFloatDigits();
        int baseDigits = single ? 6 : 15;
        BigDecimal dec;
        int threshold;
        if (efd > 0) {
            dec = new BigDecimal(single ? Float.toString(((Number) value).floatValue()) : Double.toString(d));
            if (Math.abs(d) >= (single ? 0x1p20 : 0x1p49)) {
                dec = avoidMidpoint(dec, d, single);
            }
            threshold = baseDigits;
        } else {
            int precision = Math.max(1, baseDigits + efd);
            dec = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
            threshold = precision;
        }
        return formatDecimal(dec.stripTrailingZeros(), threshold);
    }

    /**
     * Java may print a decimal lying exactly halfway between two floats (it reads back by
     * round-half-even); PostgreSQL's shortest form never does, it prints more digits instead.
     */
    private static BigDecimal avoidMidpoint(BigDecimal dec, double d, boolean single) {
        if (!isMidpoint(dec, d, single)) {
            return dec;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int p = dec.stripTrailingZeros().precision() + 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            double back = single ? Float.parseFloat(r.toString()) : Double.parseDouble(r.toString());
            if (back == d && !isMidpoint(r, d, single)) {
                return r;
            }
        }
        return dec;
    }

    private static boolean isMidpoint(BigDecimal dec, double d, boolean single) {
        BigDecimal exact = new BigDecimal(d);
        int c = dec.compareTo(exact);
        if (c == 0) {
            return false;
        }
        double neighbour = single ? (c > 0 ? Math.nextUp((float) d) : Math.nextDown((float) d))
                : (c > 0 ? Math.nextUp(d) : Math.nextDown(d));
        if (Double.isInfinite(neighbour)) {
            return false;
        }
        BigDecimal mid = exact.add(new BigDecimal(neighbour)).divide(BigDecimal.valueOf(2));
        return dec.compareTo(mid) == 0;
    }

    /** %g-like layout: exponent form when the decimal exponent is below -4 or at least {@code threshold}. */
    private static String formatDecimal(BigDecimal dec, int threshold) {
        String digits = dec.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - dec.scale();
        StringBuilder sb = new StringBuilder(24);
        if (dec.signum() < 0) {
            sb.append('-');
        }
        if (exp < -4 || exp >= threshold) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append(exp < 0 ? "e-" : "e+");
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else if (exp < 0) {
            sb.append("0.");
            for (int i = -1; i > exp; i--) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits);
            for (int i = digits.length(); i <= exp; i++) {
                sb.append('0');
            }
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        boolean single = type.oid() == TypeOids.FLOAT4;
        double d = parseDouble(type.oid(), text);
        if (single) {
            float f = (float) d;
            if (Float.isInfinite(f) && !Double.isInfinite(d) || f == 0 && d != 0) {
                throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                        "\"" + text + "\" is out of range for type real");
            }
            return f;
        }
        return d;
    }

    /** Parses float text as float8in does: NaN, [+-]Infinity/inf, decimal with exponent. */
    static double parseDouble(int oid, String text) {
        String s = text.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "infinity", "+infinity", "inf", "+inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-infinity", "-inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        if (!isDecimal(s)) {
            throw TypeErrors.invalidSyntax(oid, text);
        }
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d) || d == 0 && hasNonZeroDigit(s)) {
            throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + text + "\" is out of range for type " + TypeNames.format(SqlType.of(oid)));
        }
        return d;
    }

    private static boolean hasNonZeroDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** [+-] (digits [. digits] | . digits) [(e|E) [+-] digits] */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int e = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                e++;
            }
            if (e == 0) {
                return false;
            }
        }
        return i == n;
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        if (type.oid() == TypeOids.FLOAT4) {
            out.putInt(Float.floatToRawIntBits(((Number) value).floatValue()));
        } else {
            out.putLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
        }
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        if (type.oid() == TypeOids.FLOAT4) {
            ValueCodec.expectLength(len, 4);
            return Float.intBitsToFloat(ValueCodec.getInt(buf, off));
        }
        ValueCodec.expectLength(len, 8);
        return Double.longBitsToDouble(ValueCodec.getLong(buf, off));
    }
}
