package io.shale.catalog.distribution;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * PostgreSQL's {@code hash_numeric} ({@code reference/citus.md} §3.3): the hash of the base-10000
 * digits of |v| without leading and trailing zero digits, XOR the weight of the first digit, so
 * that neither the display scale nor the sign changes the hash.
 */
final class NumericHash {
    private NumericHash() {
    }

    static int hash(BigDecimal value) {
        if (value.signum() == 0) {
            return -1;
        }
        BigDecimal v = value.abs().stripTrailingZeros();
        int scale = v.scale();
        // Align the scale on a multiple of 4 decimal digits so base-10000 digits sit on the point.
        int alignedScale = Math.floorDiv(scale + 3, 4) * 4;
        BigInteger unscaled = v.unscaledValue().multiply(BigInteger.TEN.pow(alignedScale - scale));
        String decimal = unscaled.toString();
        int digitCount = (decimal.length() + 3) / 4;
        int[] digits = new int[digitCount];
        int end = decimal.length();
        for (int i = digitCount - 1; i >= 0; i--) {
            int start = Math.max(0, end - 4);
            digits[i] = Integer.parseInt(decimal, start, end, 10);
            end = start;
        }
        int used = digitCount;
        while (used > 0 && digits[used - 1] == 0) {
            used--;
        }
        int weight = digitCount - 1 - alignedScale / 4;
        byte[] bytes = new byte[2 * used];
        for (int i = 0; i < used; i++) {
            bytes[2 * i] = (byte) digits[i];
            bytes[2 * i + 1] = (byte) (digits[i] >>> 8);
        }
        return JenkinsHash.hashBytes(bytes) ^ weight;
    }
}
