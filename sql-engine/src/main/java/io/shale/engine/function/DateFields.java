package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;

/** The fields of EXTRACT / date_part and the units of date_trunc, with PostgreSQL's names and scales. */
final class DateFields {
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("microsecond", "microseconds"), Map.entry("microseconds", "microseconds"),
            Map.entry("us", "microseconds"), Map.entry("usec", "microseconds"), Map.entry("usecs", "microseconds"),
            Map.entry("usecond", "microseconds"), Map.entry("useconds", "microseconds"),
            Map.entry("millisecond", "milliseconds"), Map.entry("milliseconds", "milliseconds"),
            Map.entry("ms", "milliseconds"), Map.entry("msec", "milliseconds"), Map.entry("msecs", "milliseconds"),
            Map.entry("msecond", "milliseconds"), Map.entry("mseconds", "milliseconds"),
            Map.entry("second", "second"), Map.entry("seconds", "second"), Map.entry("s", "second"),
            Map.entry("sec", "second"), Map.entry("secs", "second"),
            Map.entry("minute", "minute"), Map.entry("minutes", "minute"), Map.entry("m", "minute"),
            Map.entry("min", "minute"), Map.entry("mins", "minute"),
            Map.entry("hour", "hour"), Map.entry("hours", "hour"), Map.entry("h", "hour"), Map.entry("hr", "hour"),
            Map.entry("hrs", "hour"),
            Map.entry("day", "day"), Map.entry("days", "day"), Map.entry("d", "day"),
            Map.entry("week", "week"), Map.entry("weeks", "week"), Map.entry("w", "week"),
            Map.entry("month", "month"), Map.entry("months", "month"), Map.entry("mon", "month"),
            Map.entry("mons", "month"),
            Map.entry("quarter", "quarter"), Map.entry("qtr", "quarter"),
            Map.entry("year", "year"), Map.entry("years", "year"), Map.entry("y", "year"), Map.entry("yr", "year"),
            Map.entry("yrs", "year"),
            Map.entry("decade", "decade"), Map.entry("decades", "decade"), Map.entry("dec", "decade"),
            Map.entry("decs", "decade"),
            Map.entry("century", "century"), Map.entry("centuries", "century"), Map.entry("c", "century"),
            Map.entry("cent", "century"),
            Map.entry("millennium", "millennium"), Map.entry("millennia", "millennium"),
            Map.entry("mil", "millennium"), Map.entry("mils", "millennium"), Map.entry("millenniums", "millennium"),
            Map.entry("epoch", "epoch"), Map.entry("dow", "dow"), Map.entry("isodow", "isodow"),
            Map.entry("doy", "doy"), Map.entry("isoyear", "isoyear"), Map.entry("julian", "julian"),
            Map.entry("j", "julian"), Map.entry("timezone", "timezone"), Map.entry("timezone_hour", "timezone_hour"),
            Map.entry("timezone_minute", "timezone_minute"), Map.entry("timezone_m", "timezone_minute"),
            Map.entry("timezone_h", "timezone_hour"));

    static final String TIMESTAMP = "timestamp without time zone";
    static final String TIMESTAMPTZ = "timestamp with time zone";

    private DateFields() {
    }

    static String unit(String name, String typeName) {
        String u = UNITS.get(name.toLowerCase(Locale.ROOT).trim());
        if (u == null) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "unit \"" + name + "\" not recognized for type " + typeName);
        }
        return u;
    }

    private static ShaleException unsupported(String name, String typeName) {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "unit \"" + name + "\" not supported for type " + typeName);
    }

    /** EXTRACT(field FROM timestamp); {@code offsetSeconds} is the zone offset for timestamptz, else null. */
    static BigDecimal extract(String field, LocalDateTime t, Integer offsetSeconds, String typeName) {
        String u = unit(field, typeName);
        int micros = t.getNano() / 1000;
        int year = t.getYear() > 0 ? t.getYear() : t.getYear() - 1;
        return switch (u) {
            case "microseconds" -> BigDecimal.valueOf(t.getSecond() * 1_000_000L + micros);
            case "milliseconds" -> BigDecimal.valueOf(t.getSecond() * 1_000_000L + micros, 3);
            case "second" -> BigDecimal.valueOf(t.getSecond() * 1_000_000L + micros, 6);
            case "minute" -> BigDecimal.valueOf(t.getMinute());
            case "hour" -> BigDecimal.valueOf(t.getHour());
            case "day" -> BigDecimal.valueOf(t.getDayOfMonth());
            case "month" -> BigDecimal.valueOf(t.getMonthValue());
            case "quarter" -> BigDecimal.valueOf((t.getMonthValue() - 1) / 3 + 1);
            case "year" -> BigDecimal.valueOf(year);
            case "week" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "isoyear" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case "decade" -> BigDecimal.valueOf(year >= 0 ? year / 10 : -((8 - (year - 1)) / 10));
            case "century" -> BigDecimal.valueOf(year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100));
            case "millennium" -> BigDecimal.valueOf(year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000));
            case "dow" -> BigDecimal.valueOf(t.getDayOfWeek().getValue() % 7);
            case "isodow" -> BigDecimal.valueOf(t.getDayOfWeek().getValue());
            case "doy" -> BigDecimal.valueOf(t.getDayOfYear());
            case "epoch" -> BigDecimal.valueOf(ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), t), 6)
                    .subtract(BigDecimal.valueOf(offsetSeconds == null ? 0 : offsetSeconds));
            case "julian" -> BigDecimal.valueOf(t.toLocalDate().toEpochDay() + 2440588).add(NumericMath.divide(
                    BigDecimal.valueOf(t.toLocalTime().toNanoOfDay() / 1000, 6), BigDecimal.valueOf(86400)));
            case "timezone", "timezone_hour", "timezone_minute" -> {
                if (offsetSeconds == null) {
                    throw unsupported(field, typeName);
                }
                yield BigDecimal.valueOf(switch (u) {
                    case "timezone" -> offsetSeconds;
                    case "timezone_hour" -> offsetSeconds / 3600;
                    default -> offsetSeconds / 60 % 60;
                });
            }
            default -> throw unsupported(field, typeName);
        };
    }

    static BigDecimal extract(String field, LocalDate d) {
        String u = unit(field, "date");
        return switch (u) {
            case "microseconds", "milliseconds", "second", "minute", "hour", "timezone", "timezone_hour",
                 "timezone_minute" -> throw unsupported(field, "date");
            case "epoch" -> BigDecimal.valueOf(d.toEpochDay() * 86400);
            case "julian" -> BigDecimal.valueOf(d.toEpochDay() + 2440588);
            default -> extract(field, d.atStartOfDay(), null, "date");
        };
    }

    static BigDecimal extract(String field, LocalTime t) {
        String u = unit(field, "time without time zone");
        long micros = t.toNanoOfDay() / 1000;
        return switch (u) {
            case "microseconds" -> BigDecimal.valueOf(micros % 60_000_000L);
            case "milliseconds" -> BigDecimal.valueOf(micros % 60_000_000L, 3);
            case "second" -> BigDecimal.valueOf(micros % 60_000_000L, 6);
            case "minute" -> BigDecimal.valueOf(t.getMinute());
            case "hour" -> BigDecimal.valueOf(t.getHour());
            case "epoch" -> BigDecimal.valueOf(micros, 6);
            default -> throw unsupported(field, "time without time zone");
        };
    }

    static BigDecimal extract(String field, Interval v) {
        String u = unit(field, "interval");
        long time = v.micros();
        int year = v.months() / 12;
        return switch (u) {
            case "microseconds" -> BigDecimal.valueOf(time % 60_000_000L);
            case "milliseconds" -> BigDecimal.valueOf(time % 60_000_000L, 3);
            case "second" -> BigDecimal.valueOf(time % 60_000_000L, 6);
            case "minute" -> BigDecimal.valueOf(time / 60_000_000L % 60);
            case "hour" -> BigDecimal.valueOf(time / 3_600_000_000L);
            case "day" -> BigDecimal.valueOf(v.days());
            case "month" -> BigDecimal.valueOf(v.months() % 12);
            case "quarter" -> BigDecimal.valueOf(v.months() % 12 / 3 + 1);
            case "year" -> BigDecimal.valueOf(year);
            case "decade" -> BigDecimal.valueOf(year / 10);
            case "century" -> BigDecimal.valueOf(year / 100);
            case "millennium" -> BigDecimal.valueOf(year / 1000);
            case "epoch" -> BigDecimal.valueOf(year).multiply(new BigDecimal("31557600"))
                    .add(BigDecimal.valueOf((long) (v.months() % 12) * 30 * 86400 + (long) v.days() * 86400))
                    .add(BigDecimal.valueOf(time, 6));
            default -> throw unsupported(field, "interval");
        };
    }

    static LocalDateTime truncate(String field, LocalDateTime t, String typeName) {
        if (DateTimeMath.isInfinite(t)) {
            return t;
        }
        String u = unit(field, typeName);
        LocalDate d = t.toLocalDate();
        int year = d.getYear();
        return switch (u) {
            case "microseconds" -> t.truncatedTo(ChronoUnit.MICROS);
            case "milliseconds" -> t.truncatedTo(ChronoUnit.MILLIS);
            case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> d.atStartOfDay();
            case "week" -> d.minusDays(d.getDayOfWeek().getValue() - 1).atStartOfDay();
            case "month" -> d.withDayOfMonth(1).atStartOfDay();
            case "quarter" -> LocalDate.of(year, (d.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "year" -> LocalDate.of(year, 1, 1).atStartOfDay();
            case "decade" -> LocalDate.of(year > 0 ? year / 10 * 10 : year - Math.floorMod(year, 10), 1, 1).atStartOfDay();
            case "century" -> LocalDate.of(year > 0 ? (year - 1) / 100 * 100 + 1 : year, 1, 1).atStartOfDay();
            case "millennium" -> LocalDate.of(year > 0 ? (year - 1) / 1000 * 1000 + 1 : year, 1, 1).atStartOfDay();
            default -> throw unsupported(field, typeName);
        };
    }

    static Interval truncate(String field, Interval v) {
        String u = unit(field, "interval");
        long time = v.micros();
        return switch (u) {
            case "microseconds" -> v;
            case "milliseconds" -> new Interval(v.months(), v.days(), time / 1000 * 1000);
            case "second" -> new Interval(v.months(), v.days(), time / 1_000_000 * 1_000_000);
            case "minute" -> new Interval(v.months(), v.days(), time / 60_000_000L * 60_000_000L);
            case "hour" -> new Interval(v.months(), v.days(), time / 3_600_000_000L * 3_600_000_000L);
            case "day" -> new Interval(v.months(), v.days(), 0);
            case "month" -> new Interval(v.months(), 0, 0);
            case "quarter" -> new Interval(v.months() / 3 * 3, 0, 0);
            case "year" -> new Interval(v.months() / 12 * 12, 0, 0);
            case "decade" -> new Interval(v.months() / 120 * 120, 0, 0);
            case "century" -> new Interval(v.months() / 1200 * 1200, 0, 0);
            case "millennium" -> new Interval(v.months() / 12000 * 12000, 0, 0);
            default -> throw unsupported(field, "interval");
        };
    }
}
