package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.types.SqlType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Date, time, timestamp and interval arithmetic operators. */
final class DateTimeOperators {
    private static final SqlType DATE = SqlType.DATE;
    private static final SqlType TIME = SqlType.TIME;
    private static final SqlType TS = SqlType.TIMESTAMP;
    private static final SqlType TSTZ = SqlType.TIMESTAMPTZ;
    private static final SqlType IV = SqlType.INTERVAL;
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType F8 = SqlType.FLOAT8;

    private DateTimeOperators() {
    }

    static void register(OperatorRegistrar r) {
        r.binary("+", DATE, I4, DATE, (c, a) -> DateTimeMath.plusDays((LocalDate) a[0], (int) a[1]));
        r.binary("+", I4, DATE, DATE, (c, a) -> DateTimeMath.plusDays((LocalDate) a[1], (int) a[0]));
        r.binary("-", DATE, I4, DATE, (c, a) -> DateTimeMath.plusDays((LocalDate) a[0], -(long) (int) a[1]));
        r.binary("-", DATE, DATE, I4, (c, a) -> DateTimeMath.daysBetween((LocalDate) a[0], (LocalDate) a[1]));
        r.binary("+", DATE, IV, TS, (c, a) -> DateTimeMath.plus(start((LocalDate) a[0]), (Interval) a[1]));
        r.binary("+", IV, DATE, TS, (c, a) -> DateTimeMath.plus(start((LocalDate) a[1]), (Interval) a[0]));
        r.binary("-", DATE, IV, TS, (c, a) -> DateTimeMath.minus(start((LocalDate) a[0]), (Interval) a[1]));
        r.binary("+", DATE, TIME, TS, (c, a) -> ((LocalDate) a[0]).atTime((LocalTime) a[1]));
        r.binary("+", TIME, DATE, TS, (c, a) -> ((LocalDate) a[1]).atTime((LocalTime) a[0]));
        r.binary("+", TS, IV, TS, (c, a) -> DateTimeMath.plus((LocalDateTime) a[0], (Interval) a[1]));
        r.binary("+", IV, TS, TS, (c, a) -> DateTimeMath.plus((LocalDateTime) a[1], (Interval) a[0]));
        r.binary("-", TS, IV, TS, (c, a) -> DateTimeMath.minus((LocalDateTime) a[0], (Interval) a[1]));
        r.binary("-", TS, TS, IV, (c, a) -> DateTimeMath.difference(
                DateTimeMath.microsBetween((LocalDateTime) a[0], (LocalDateTime) a[1])));
        r.binaryStable("+", TSTZ, IV, TSTZ, (c, a) -> DateTimeMath.plus((Instant) a[0], (Interval) a[1], zone(c)));
        r.binaryStable("+", IV, TSTZ, TSTZ, (c, a) -> DateTimeMath.plus((Instant) a[1], (Interval) a[0], zone(c)));
        r.binaryStable("-", TSTZ, IV, TSTZ, (c, a) -> DateTimeMath.plus((Instant) a[0],
                ((Interval) a[1]).negate(), zone(c)));
        r.binary("-", TSTZ, TSTZ, IV, (c, a) -> DateTimeMath.difference(
                DateTimeMath.microsBetween((Instant) a[0], (Instant) a[1])));
        r.binary("+", TIME, IV, TIME, (c, a) -> DateTimeMath.plus((LocalTime) a[0], (Interval) a[1]));
        r.binary("+", IV, TIME, TIME, (c, a) -> DateTimeMath.plus((LocalTime) a[1], (Interval) a[0]));
        r.binary("-", TIME, IV, TIME, (c, a) -> DateTimeMath.plus((LocalTime) a[0], ((Interval) a[1]).negate()));
        r.binary("-", TIME, TIME, IV, (c, a) -> DateTimeMath.timeDifference((LocalTime) a[0], (LocalTime) a[1]));
        r.binary("+", IV, IV, IV, (c, a) -> ((Interval) a[0]).plus((Interval) a[1]));
        r.binary("-", IV, IV, IV, (c, a) -> ((Interval) a[0]).minus((Interval) a[1]));
        r.prefix("-", IV, IV, (c, a) -> ((Interval) a[0]).negate());
        r.prefix("+", IV, IV, (c, a) -> a[0]);
        r.binary("*", IV, F8, IV, (c, a) -> ((Interval) a[0]).multiply((double) a[1]));
        r.binary("*", F8, IV, IV, (c, a) -> ((Interval) a[1]).multiply((double) a[0]));
        r.binary("/", IV, F8, IV, (c, a) -> ((Interval) a[0]).divide((double) a[1]));
    }

    static LocalDateTime start(LocalDate d) {
        if (d.equals(LocalDate.MAX)) {
            return LocalDateTime.MAX;
        }
        if (d.equals(LocalDate.MIN)) {
            return LocalDateTime.MIN;
        }
        return d.atStartOfDay();
    }

    static java.time.ZoneId zone(EvalContext c) {
        return c.formatSettings().timeZone();
    }
}
