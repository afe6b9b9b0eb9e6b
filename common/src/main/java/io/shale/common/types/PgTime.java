package io.shale.common.types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Conversions between java.time values and PostgreSQL's internal counts: days and microseconds
 * since 2000-01-01 (UTC for timestamptz); the infinities map to MIN/MAX on both sides.
 */
public final class PgTime {
    /** 2000-01-01 as days since 1970-01-01. */
    public static final long EPOCH_DAY_2000 = 10957;
    /** 2000-01-01 00:00 UTC in microseconds since 1970. */
    public static final long EPOCH_MICROS_2000 = EPOCH_DAY_2000 * Interval.MICROS_PER_DAY;

    private PgTime() {
    }

    /** Days since 2000-01-01; Integer.MIN/MAX for -infinity/infinity. */
    public static int dateToDays(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (d.equals(LocalDate.MIN)) {
            return Integer.MIN_VALUE;
        }
        return (int) (d.toEpochDay() - EPOCH_DAY_2000);
    }

    public static LocalDate daysToDate(int days) {
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (days == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        return LocalDate.ofEpochDay(days + EPOCH_DAY_2000);
    }

    /** Microseconds since 2000-01-01 00:00; Long.MIN/MAX for the infinities. */
    public static long timestampToMicros(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (t.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return (t.toLocalDate().toEpochDay() - EPOCH_DAY_2000) * Interval.MICROS_PER_DAY
                + t.toLocalTime().toNanoOfDay() / 1000;
    }

    public static LocalDateTime microsToTimestamp(long us) {
        if (us == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (us == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        long days = Math.floorDiv(us, Interval.MICROS_PER_DAY);
        long rem = Math.floorMod(us, Interval.MICROS_PER_DAY);
        return LocalDateTime.of(LocalDate.ofEpochDay(days + EPOCH_DAY_2000), LocalTime.ofNanoOfDay(rem * 1000));
    }

    public static long instantToMicros(Instant i) {
        if (i.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        if (i.equals(Instant.MIN)) {
            return Long.MIN_VALUE;
        }
        return Math.multiplyExact(i.getEpochSecond(), 1_000_000L) + i.getNano() / 1000 - EPOCH_MICROS_2000;
    }

    public static Instant microsToInstant(long us) {
        if (us == Long.MAX_VALUE) {
            return Instant.MAX;
        }
        if (us == Long.MIN_VALUE) {
            return Instant.MIN;
        }
        long e = us + EPOCH_MICROS_2000;
        return Instant.ofEpochSecond(Math.floorDiv(e, 1_000_000L), Math.floorMod(e, 1_000_000L) * 1000);
    }

    /** Microseconds since midnight. */
    public static long timeToMicros(LocalTime t) {
        return t.toNanoOfDay() / 1000;
    }

    public static LocalTime microsToTime(long us) {
        return LocalTime.ofNanoOfDay(us * 1000);
    }

    /** Rounds microseconds to {@code precision} fractional digits (0..6), half up; -1 leaves them. */
    static long roundMicros(long us, int precision) {
        if (precision < 0 || precision >= 6 || us == Long.MAX_VALUE || us == Long.MIN_VALUE) {
            return us;
        }
        long unit = 1;
        for (int i = precision; i < 6; i++) {
            unit *= 10;
        }
        long q = us >= 0 ? (us + unit / 2) / unit : -((-us + unit / 2) / unit);
        return q * unit;
    }
}
