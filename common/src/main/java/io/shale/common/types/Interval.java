package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/**
 * A PostgreSQL interval: months, days and microseconds kept apart, compared after normalising
 * a month to 30 days and a day to 24 hours (as PostgreSQL's interval_cmp does).
 */
public record Interval(int months, int days, long micros) implements Comparable<Interval> {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
    public static final Interval ZERO = new Interval(0, 0, 0);

    public static Interval ofMicros(long micros) {
        return new Interval(0, 0, micros);
    }

    public Interval plus(Interval o) {
        return new Interval(addInt(months, o.months), addInt(days, o.days), addLong(micros, o.micros));
    }

    public Interval minus(Interval o) {
        return plus(o.negate());
    }

    public Interval negate() {
        if (months == Integer.MIN_VALUE || days == Integer.MIN_VALUE || micros == Long.MIN_VALUE) {
            throw outOfRange();
        }
        return new Interval(-months, -days, -micros);
    }

    /** Multiplies as PostgreSQL's interval_mul: fractional months and days cascade down. */
    public Interval multiply(double factor) {
        return scale(factor, false);
    }

    /** Divides as PostgreSQL's interval_div; 22012 on division by zero. */
    public Interval divide(double divisor) {
        if (divisor == 0) {
            throw new ShaleException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
        }
        return scale(divisor, true);
    }

    /** The cascade of interval_mul and interval_div, remainders rounded to 6 decimals as TSROUND does. */
    private Interval scale(double f, boolean divide) {
        double m = divide ? months / f : months * f;
        double d = divide ? days / f : days * f;
        if (Double.isNaN(m) || Double.isNaN(d) || Math.abs(m) >= 2147483648.0 || Math.abs(d) >= 2147483648.0) {
            throw outOfRange();
        }
        int rMonths = (int) m;
        int rDays = (int) d;
        double monthRemainderDays = tsRound((m - rMonths) * 30);
        double secRemainder = tsRound((d - rDays + monthRemainderDays - (int) monthRemainderDays) * 86400);
        if (Math.abs(secRemainder) >= 86400) {
            rDays += (int) (secRemainder / 86400);
            secRemainder -= (int) (secRemainder / 86400) * 86400.0;
        }
        rDays += (int) monthRemainderDays;
        double us = Math.rint((divide ? micros / f : micros * f) + secRemainder * MICROS_PER_SECOND);
        if (Double.isNaN(us) || Math.abs(us) >= 9.223372036854775807E18) {
            throw outOfRange();
        }
        return new Interval(rMonths, rDays, (long) us);
    }

    private static double tsRound(double v) {
        return Math.rint(v * 1_000_000.0) / 1_000_000.0;
    }

    /** Whole days of the normalised form (months as 30 days plus days plus whole days of time). */
    long normalisedDays() {
        return months * 30L + days + Math.floorDiv(micros, MICROS_PER_DAY);
    }

    /** Microseconds of the normalised form within the last day. */
    long normalisedMicros() {
        return Math.floorMod(micros, MICROS_PER_DAY);
    }

    @Override
    public int compareTo(Interval o) {
        int c = Long.compare(normalisedDays(), o.normalisedDays());
        return c != 0 ? c : Long.compare(normalisedMicros(), o.normalisedMicros());
    }

    /** Equality as SQL sees it: '1 mon' = '30 days'. */
    public boolean sqlEquals(Interval o) {
        return compareTo(o) == 0;
    }

    /** Hash consistent with {@link #sqlEquals}. */
    public int sqlHash() {
        return Long.hashCode(normalisedDays()) * 31 + Long.hashCode(normalisedMicros());
    }

    private static int addInt(int a, int b) {
        long r = (long) a + b;
        if (r != (int) r) {
            throw outOfRange();
        }
        return (int) r;
    }

    private static long addLong(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw outOfRange();
        }
        return r;
    }

    private static int toInt(double v) {
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw outOfRange();
        }
        return (int) v;
    }

    static ShaleException outOfRange() {
        return new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }
}
