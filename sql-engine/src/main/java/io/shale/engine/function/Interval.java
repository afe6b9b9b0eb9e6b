package io.shale.engine.function;

/**
 * Stand-in for {@code io.shale.common.types.Interval} (TYPES.md) until the common module has it:
 * months, days and microseconds kept apart as PostgreSQL does.
 */
record Interval(int months, int days, long micros) {
    static final long MICROS_PER_DAY = 86_400_000_000L;

    /** The interval as microseconds with 30-day months and 24-hour days, for ordering. */
    java.math.BigInteger span() {
        return java.math.BigInteger.valueOf(months * 30L + days).multiply(java.math.BigInteger.valueOf(MICROS_PER_DAY))
                .add(java.math.BigInteger.valueOf(micros));
    }
}
