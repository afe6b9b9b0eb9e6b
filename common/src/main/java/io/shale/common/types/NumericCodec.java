package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * numeric as BigDecimal with a non-negative scale (the display scale). The binary form is
 * PostgreSQL's: int16 ndigits, int16 weight, uint16 sign, int16 dscale, then base-10000 digits.
 */
final class NumericCodec implements ValueCodec {
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10000);
    private static final int SIGN_NEG = 0x4000;
    private static final int SIGN_NAN = 0xC000;

    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        BigDecimal d = (BigDecimal) value;
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        String s = text.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("nan") || lower.endsWith("infinity") || lower.endsWith("inf")) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "numeric value \"" + s + "\" is not supported");
        }
        if (!FloatCodec.isDecimal(s)) {
            throw TypeErrors.invalidSyntax("numeric", text);
        }
        BigDecimal d = new BigDecimal(s);
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return applyTypmod(d, type.typmod());
    }

    /** Rounds to numeric(p,s) half away from zero; 22003 {@code numeric field overflow}. */
    static BigDecimal applyTypmod(BigDecimal d, int typmod) {
        if (typmod < 4) {
            return d;
        }
        int precision = ((typmod - 4) >> 16) & 0xFFFF;
        int scale = (short) ((typmod - 4) & 0xFFFF);
        BigDecimal r = d.setScale(scale, RoundingMode.HALF_UP);
        int maxDigits = precision - scale;
        if (r.signum() != 0 && r.precision() - r.scale() > maxDigits) {
            throw new ShaleException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                    .withDetail("A field with precision " + precision + ", scale " + scale
                            + " must round to an absolute value less than "
                            + (maxDigits > 0 ? "10^" + maxDigits : "1") + ".");
        }
        return scale < 0 ? r.setScale(0) : r;
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        BigDecimal d = (BigDecimal) value;
        int dscale = Math.max(d.scale(), 0);
        if (d.signum() == 0) {
            out.putShort(0).putShort(0).putShort(0).putShort(dscale);
            return;
        }
        int ext = Math.floorMod(-d.scale(), 4);
        BigInteger unscaled = d.unscaledValue().abs().multiply(BigInteger.TEN.pow(ext));
        int fracGroups = (d.scale() + ext) / 4;
        short[] groups = new short[unscaled.bitLength() / 13 + 2];
        int n = 0;
        if (unscaled.bitLength() < 63) {
            long u = unscaled.longValue();
            while (u != 0) {
                groups[n++] = (short) (u % 10000);
                u /= 10000;
            }
        } else {
            while (unscaled.signum() != 0) {
                BigInteger[] qr = unscaled.divideAndRemainder(TEN_THOUSAND);
                groups[n++] = qr[1].shortValue();
                unscaled = qr[0];
            }
        }
        int weight = n - fracGroups - 1;
        int low = 0;
        while (low < n && groups[low] == 0) {
            low++;
        }
        out.putShort(n - low).putShort(weight).putShort(d.signum() < 0 ? SIGN_NEG : 0).putShort(dscale);
        for (int i = n - 1; i >= low; i--) {
            out.putShort(groups[i]);
        }
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        if (len < 8) {
            throw TypeErrors.badBinary();
        }
        int ndigits = ValueCodec.getShort(buf, off);
        int weight = ValueCodec.getShort(buf, off + 2);
        int sign = ValueCodec.getShort(buf, off + 4) & 0xFFFF;
        int dscale = ValueCodec.getShort(buf, off + 6);
        if (sign == SIGN_NAN || sign >= 0xD000) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "numeric NaN and infinity are not supported");
        }
        if (ndigits < 0 || len != 8 + 2 * ndigits || dscale < 0 || (sign != 0 && sign != SIGN_NEG)) {
            throw TypeErrors.badBinary();
        }
        BigInteger acc = BigInteger.ZERO;
        long small = 0;
        boolean big = ndigits > 4;
        for (int i = 0; i < ndigits; i++) {
            int g = ValueCodec.getShort(buf, off + 8 + 2 * i);
            if (g < 0 || g > 9999) {
                throw TypeErrors.badBinary();
            }
            if (big) {
                acc = acc.multiply(TEN_THOUSAND).add(BigInteger.valueOf(g));
            } else {
                small = small * 10000 + g;
            }
        }
        BigInteger unscaled = big ? acc : BigInteger.valueOf(small);
        if (sign == SIGN_NEG) {
            unscaled = unscaled.negate();
        }
        BigDecimal v = new BigDecimal(unscaled, -4 * (weight - ndigits + 1));
        return v.setScale(dscale, RoundingMode.DOWN);
    }
}
