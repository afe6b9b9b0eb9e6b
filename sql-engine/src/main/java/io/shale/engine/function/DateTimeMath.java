package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Date, timestamp and interval arithmetic with PostgreSQL's month, day and time rules. */
final class DateTimeMath {
    static final long MICROS_PER_DAY = Interval.MICROS_PER_DAY;

    private DateTimeMath() {
    }

    static boolean isInfinite(LocalDateTime t) {
        return t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN);
    }

    static boolean isInfinite(Instant t) {
        return t.equals(Instant.MAX) || t.equals(Instant.MIN);
    }

    static LocalDateTime plus(LocalDateTime t, Interval v) {
        if (isInfinite(t)) {
            return t;
        }
        return checkRange(t.plusMonths(v.months()).plusDays(v.days()).plus(v.micros(), ChronoUnit.MICROS));
    }

    static LocalDateTime minus(LocalDateTime t, Interval v) {
        return plus(t, v.negate());
    }

    /** timestamptz + interval: months and days move the local calendar of {@code zone}, time moves the instant. */
    static Instant plus(Instant t, Interval v, ZoneId zone) {
        if (isInfinite(t)) {
            return t;
        }
        ZonedDateTime z = t.atZone(zone);
        if (v.months() != 0) {
            z = z.plusMonths(v.months());
        }
        if (v.days() != 0) {
            z = z.plusDays(v.days());
        }
        return z.toInstant().plus(v.micros(), ChronoUnit.MICROS);
    }

    /** timestamp - timestamp: the microseconds apart, with whole days split off (justify_hours). */
    static Interval difference(long micros) {
        return justifyHours(new Interval(0, 0, micros));
    }

    static long microsBetween(LocalDateTime a, LocalDateTime b) {
        return ChronoUnit.MICROS.between(b, a);
    }

    static long microsBetween(Instant a, Instant b) {
        return ChronoUnit.MICROS.between(b, a);
    }

    static Interval justifyHours(Interval v) {
        long days = v.micros() / MICROS_PER_DAY;
        long time = v.micros() - days * MICROS_PER_DAY;
        long totalDays = v.days() + days;
        if (totalDays > 0 && time < 0) {
            time += MICROS_PER_DAY;
            totalDays--;
        } else if (totalDays < 0 && time > 0) {
            time -= MICROS_PER_DAY;
            totalDays++;
        }
        return new Interval(v.months(), Math.toIntExact(totalDays), time);
    }

    static Interval justifyDays(Interval v) {
        int months = v.months() + v.days() / 30;
        int days = v.days() % 30;
        if (months > 0 && days < 0) {
            days += 30;
            months--;
        } else if (months < 0 && days > 0) {
            days -= 30;
            months++;
        }
        return new Interval(months, days, v.micros());
    }

    static Interval justifyInterval(Interval v) {
        long days = v.days() + v.micros() / MICROS_PER_DAY;
        long time = v.micros() % MICROS_PER_DAY;
        long months = v.months() + days / 30;
        days = days % 30;
        if (months > 0 && (days < 0 || days == 0 && time < 0)) {
            days += 30;
            months--;
        } else if (months < 0 && (days > 0 || days == 0 && time > 0)) {
            days -= 30;
            months++;
        }
        if (days > 0 && time < 0) {
            time += MICROS_PER_DAY;
            days--;
        } else if (days < 0 && time > 0) {
            time -= MICROS_PER_DAY;
            days++;
        }
        return new Interval(Math.toIntExact(months), (int) days, time);
    }

    static LocalDate plusDays(LocalDate d, long days) {
        if (d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)) {
            return d;
        }
        try {
            LocalDate r = d.plusDays(days);
            if (r.getYear() > 5874897 || r.getYear() < -4712) {
                throw dateOutOfRange();
            }
            return r;
        } catch (java.time.DateTimeException e) {
            throw dateOutOfRange();
        }
    }

    static int daysBetween(LocalDate a, LocalDate b) {
        if (a.equals(LocalDate.MAX) || a.equals(LocalDate.MIN) || b.equals(LocalDate.MAX) || b.equals(LocalDate.MIN)) {
            throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW, "cannot subtract infinite dates");
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(b, a));
    }

    static LocalTime plus(LocalTime t, Interval v) {
        return t.plusNanos(Math.floorMod(v.micros(), MICROS_PER_DAY) * 1000);
    }

    static Interval timeDifference(LocalTime a, LocalTime b) {
        return new Interval(0, 0, (a.toNanoOfDay() - b.toNanoOfDay()) / 1000);
    }

    static LocalDateTime checkRange(LocalDateTime t) {
        if (t.getYear() > 294276 || t.getYear() < -4712) {
            throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        return t;
    }

    static ShaleException dateOutOfRange() {
        return new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date out of range");
    }
}
