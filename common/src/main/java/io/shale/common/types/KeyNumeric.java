package io.shale.common.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Order-preserving encoding of numeric values of any precision; equal values (1.0, 1.00) encode
 * equally.
 *
 * <pre>
 * numeric  := 0x02                                  zero
 *           | 0x03 exponent digits 0x00             positive, value = 0.d1d2… × 10^exponent
 *           | 0x01 ~(exponent digits 0x00)          negative: the bytes of |v| inverted
 * exponent := int32 big-endian with the sign bit flipped
 * digits   := pairs of decimal digits (trailing zeros stripped, padded with 0), each as 1 + pair
 * </pre>
 */
final class KeyNumeric {
    private static final int NEGATIVE = 0x01;
    private static final int ZERO = 0x02;
    private static final int POSITIVE = 0x03;

    private KeyNumeric() {
    }

    static void encode(ByteSink out, BigDecimal v) {
        int sign = v.signum();
        if (sign == 0) {
            out.putByte(ZERO);
            return;
        }
        out.putByte(sign < 0 ? NEGATIVE : POSITIVE);
        int start = out.length();
        BigDecimal d = v.abs().stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - d.scale();
        out.putInt(exponent ^ Integer.MIN_VALUE);
        for (int i = 0; i < digits.length(); i += 2) {
            int hi = digits.charAt(i) - '0';
            int lo = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
            out.putByte(1 + hi * 10 + lo);
        }
        out.putByte(0);
        if (sign < 0) {
            out.invert(start);
        }
    }

    static BigDecimal decode(KeyReader in, int mask) {
        int sign = in.next(mask);
        if (sign == ZERO) {
            return BigDecimal.ZERO;
        }
        int m = sign == NEGATIVE ? mask ^ 0xFF : mask;
        int exponent = (int) in.fixed(4, m) ^ Integer.MIN_VALUE;
        StringBuilder digits = new StringBuilder();
        for (int b = in.next(m); b != 0; b = in.next(m)) {
            int pair = b - 1;
            digits.append((char) ('0' + pair / 10)).append((char) ('0' + pair % 10));
        }
        BigDecimal abs = new BigDecimal(new BigInteger(digits.toString()), digits.length() - exponent).stripTrailingZeros();
        if (abs.scale() < 0) {
            abs = abs.setScale(0);
        }
        return sign == NEGATIVE ? abs.negate() : abs;
    }
}
