package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Date/time functions (PostgreSQL documentation 9.9). timestamptz is shown in the session time zone. */
final class DateTimeFunctions {
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType DATE = SqlType.DATE;
    private static final SqlType TIME = SqlType.TIME;
    private static final SqlType TS = SqlType.TIMESTAMP;
    private static final SqlType TSTZ = SqlType.TIMESTAMPTZ;
    private static final SqlType IV = SqlType.INTERVAL;
    private static final SqlType F8 = SqlType.FLOAT8;
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType NUM = SqlType.NUMERIC;
    private static final SqlType BOOL = SqlType.BOOL;

    private DateTimeFunctions() {
    }

    static void register(Registrar r) {
        for (String name : new String[] {"now", "transaction_timestamp", "current_timestamp"}) {
            r.def(name, TSTZ).stable().scalar((c, a) -> c.transactionTimestamp());
        }
        r.def("statement_timestamp", TSTZ).stable().scalar((c, a) -> c.statementTimestamp());
        r.def("clock_timestamp", TSTZ).volatileFunction().scalar((c, a) -> Instant.now().truncatedTo(ChronoUnit.MICROS));
        r.def("timeofday", TEXT).volatileFunction().scalar((c, a) -> timeOfDay(c));
        r.def("current_date", DATE).stable().scalar((c, a) -> local(c, c.transactionTimestamp()).toLocalDate());
        r.def("current_time", SqlType.of(io.shale.common.types.TypeOids.TIMETZ)).stable().scalar((c, a) ->
                OffsetTime.ofInstant(c.transactionTimestamp(), zone(c)));
        r.def("localtimestamp", TS).stable().scalar((c, a) -> local(c, c.transactionTimestamp()));
        r.def("localtime", TIME).stable().scalar((c, a) -> local(c, c.transactionTimestamp()).toLocalTime());
        r.def("date_trunc", TS).args(TEXT, TS).scalar((c, a) ->
                DateFields.truncate((String) a[0], (LocalDateTime) a[1], DateFields.TIMESTAMP));
        r.def("date_trunc", TSTZ).args(TEXT, TSTZ).stable().scalar((c, a) ->
                truncate((String) a[0], (Instant) a[1], zone(c)));
        r.def("date_trunc", TSTZ).args(TEXT, TSTZ, TEXT).scalar((c, a) ->
                truncate((String) a[0], (Instant) a[1], TimeZones.parse((String) a[2])));
        r.def("date_trunc", IV).args(TEXT, IV).scalar((c, a) -> DateFields.truncate((String) a[0], (Interval) a[1]));
        extract(r, "extract", NUM, false);
        extract(r, "date_part", F8, true);
        r.def("age", IV).args(TS, TS).scalar((c, a) -> age((LocalDateTime) a[0], (LocalDateTime) a[1]));
        r.def("age", IV).args(TSTZ, TSTZ).stable().scalar((c, a) -> age(local(c, (Instant) a[0]), local(c, (Instant) a[1])));
        r.def("age", IV).args(TS).stable().scalar((c, a) ->
                age(local(c, c.transactionTimestamp()).toLocalDate().atStartOfDay(), (LocalDateTime) a[0]));
        r.def("age", IV).args(TSTZ).stable().scalar((c, a) ->
                age(local(c, c.transactionTimestamp()).toLocalDate().atStartOfDay(), local(c, (Instant) a[0])));
        r.def("make_date", DATE).args(I4, I4, I4).scalar((c, a) -> makeDate((int) a[0], (int) a[1], (int) a[2]));
        r.def("make_time", TIME).args(I4, I4, F8).scalar((c, a) -> makeTime((int) a[0], (int) a[1], (double) a[2]));
        r.def("make_timestamp", TS).args(I4, I4, I4, I4, I4, F8).scalar((c, a) -> makeTimestamp(a));
        r.def("make_timestamptz", TSTZ).args(I4, I4, I4, I4, I4, F8).stable().scalar((c, a) ->
                makeTimestamp(a).atZone(zone(c)).toInstant());
        r.def("make_timestamptz", TSTZ).args(I4, I4, I4, I4, I4, F8, TEXT).stable().scalar((c, a) ->
                makeTimestamp(a).atZone(TimeZones.parse((String) a[6])).toInstant());
        makeInterval(r);
        r.def("justify_days", IV).args(IV).scalar((c, a) -> DateTimeMath.justifyDays((Interval) a[0]));
        r.def("justify_hours", IV).args(IV).scalar((c, a) -> DateTimeMath.justifyHours((Interval) a[0]));
        r.def("justify_interval", IV).args(IV).scalar((c, a) -> DateTimeMath.justifyInterval((Interval) a[0]));
        r.def("to_timestamp", TSTZ).args(F8).scalar((c, a) -> fromEpoch((double) a[0]));
        r.def("timezone", TS).args(TEXT, TSTZ).scalar((c, a) ->
                atZone((Instant) a[1], TimeZones.parse((String) a[0])));
        r.def("timezone", TSTZ).args(TEXT, TS).scalar((c, a) ->
                fromZone((LocalDateTime) a[1], TimeZones.parse((String) a[0])));
        r.def("timezone", TS).args(IV, TSTZ).scalar((c, a) -> atZone((Instant) a[1], TimeZones.fromInterval((Interval) a[0])));
        r.def("timezone", TSTZ).args(IV, TS).scalar((c, a) ->
                fromZone((LocalDateTime) a[1], TimeZones.fromInterval((Interval) a[0])));
        r.def("isfinite", BOOL).args(DATE).scalar((c, a) -> !a[0].equals(LocalDate.MAX) && !a[0].equals(LocalDate.MIN));
        r.def("isfinite", BOOL).args(TS).scalar((c, a) -> !DateTimeMath.isInfinite((LocalDateTime) a[0]));
        r.def("isfinite", BOOL).args(TSTZ).scalar((c, a) -> !DateTimeMath.isInfinite((Instant) a[0]));
        r.def("isfinite", BOOL).args(IV).scalar((c, a) -> true);
        r.def("date_bin", TS).args(IV, TS, TS).scalar((c, a) ->
                dateBin((Interval) a[0], (LocalDateTime) a[1], (LocalDateTime) a[2]));
    }

    private static void extract(Registrar r, String name, SqlType result, boolean asDouble) {
        r.def(name, result).args(TEXT, TS).scalar((c, a) -> out(DateFields.extract((String) a[0],
                (LocalDateTime) a[1], null, DateFields.TIMESTAMP), asDouble));
        r.def(name, result).args(TEXT, TSTZ).stable().scalar((c, a) -> {
            ZonedDateTime z = ((Instant) a[1]).atZone(zone(c));
            return out(DateFields.extract((String) a[0], z.toLocalDateTime(), z.getOffset().getTotalSeconds(),
                    DateFields.TIMESTAMPTZ), asDouble);
        });
        r.def(name, result).args(TEXT, DATE).scalar((c, a) -> out(DateFields.extract((String) a[0], (LocalDate) a[1]), asDouble));
        r.def(name, result).args(TEXT, TIME).scalar((c, a) -> out(DateFields.extract((String) a[0], (LocalTime) a[1]), asDouble));
        r.def(name, result).args(TEXT, IV).scalar((c, a) -> out(DateFields.extract((String) a[0], (Interval) a[1]), asDouble));
    }

    private static Object out(BigDecimal v, boolean asDouble) {
        return asDouble ? (Object) v.doubleValue() : v;
    }

    private static void makeInterval(Registrar r) {
        SqlType[] all = {I4, I4, I4, I4, I4, I4, F8};
        for (int n = 0; n <= all.length; n++) {
            final int count = n;
            r.def("make_interval", IV).args(java.util.Arrays.copyOf(all, n)).scalar((c, a) -> {
                int[] v = new int[6];
                for (int i = 0; i < Math.min(count, 6); i++) {
                    v[i] = (int) a[i];
                }
                double secs = count == 7 ? (double) a[6] : 0;
                long micros = Math.round(secs * 1_000_000) + v[4] * 3_600_000_000L + v[5] * 60_000_000L;
                return new Interval(Math.addExact(Math.multiplyExact(v[0], 12), v[1]),
                        Math.addExact(Math.multiplyExact(v[2], 7), v[3]), micros);
            });
        }
    }

    static ZoneId zone(EvalContext c) {
        return c.formatSettings().timeZone();
    }

    static LocalDateTime local(EvalContext c, Instant i) {
        if (i.equals(Instant.MAX)) {
            return LocalDateTime.MAX;
        }
        if (i.equals(Instant.MIN)) {
            return LocalDateTime.MIN;
        }
        return LocalDateTime.ofInstant(i, zone(c));
    }

    private static Instant truncate(String field, Instant t, ZoneId zone) {
        if (DateTimeMath.isInfinite(t)) {
            return t;
        }
        LocalDateTime local = DateFields.truncate(field, LocalDateTime.ofInstant(t, zone), DateFields.TIMESTAMPTZ);
        return local.atZone(zone).toInstant();
    }

    private static LocalDateTime atZone(Instant t, ZoneId zone) {
        if (DateTimeMath.isInfinite(t)) {
            return t.equals(Instant.MAX) ? LocalDateTime.MAX : LocalDateTime.MIN;
        }
        return LocalDateTime.ofInstant(t, zone);
    }

    private static Instant fromZone(LocalDateTime t, ZoneId zone) {
        if (DateTimeMath.isInfinite(t)) {
            return t.equals(LocalDateTime.MAX) ? Instant.MAX : Instant.MIN;
        }
        return t.atZone(zone).toInstant();
    }

    private static String timeOfDay(EvalContext c) {
        ZonedDateTime z = Instant.now().atZone(zone(c));
        String zoneName = z.getZone().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT);
        return String.format(java.util.Locale.ROOT, "%1$ta %1$tb %1$td %1$tH:%1$tM:%1$tS.%2$06d %1$tY %3$s", z,
                z.getNano() / 1000, zoneName);
    }

    /** age(a, b): the symbolic difference in years, months, days and time, borrowing from b's month. */
    static Interval age(LocalDateTime a, LocalDateTime b) {
        boolean negate = a.isBefore(b);
        LocalDateTime later = negate ? b : a;
        LocalDateTime earlier = negate ? a : b;
        long micros = (later.toLocalTime().toNanoOfDay() - earlier.toLocalTime().toNanoOfDay()) / 1000;
        int days = later.getDayOfMonth() - earlier.getDayOfMonth();
        int months = later.getMonthValue() - earlier.getMonthValue();
        int years = later.getYear() - earlier.getYear();
        if (micros < 0) {
            micros += DateTimeMath.MICROS_PER_DAY;
            days--;
        }
        if (days < 0) {
            days += earlier.toLocalDate().lengthOfMonth();
            months--;
        }
        if (months < 0) {
            months += 12;
            years--;
        }
        Interval v = new Interval(years * 12 + months, days, micros);
        return negate ? v.negate() : v;
    }

    private static LocalDate makeDate(int year, int month, int day) {
        try {
            if (year == 0) {
                throw new DateTimeException("year zero");
            }
            return LocalDate.of(year < 0 ? year + 1 : year, month, day);
        } catch (DateTimeException e) {
            throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + pad(month) + "-" + pad(day));
        }
    }

    private static String pad(int v) {
        return DateTimeText.pad(v, 2);
    }

    private static LocalTime makeTime(int hour, int minute, double second) {
        long micros = Math.round(second * 1_000_000);
        if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || micros < 0 || micros > 60_000_000L
                || hour == 24 && (minute > 0 || micros > 0)) {
            throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "time field value out of range: " + hour + ":" + pad(minute) + ":" + pad((int) second));
        }
        if (hour == 24) {
            return LocalTime.MAX.truncatedTo(ChronoUnit.MICROS);
        }
        return LocalTime.of(hour, minute).plusNanos(micros * 1000);
    }

    private static LocalDateTime makeTimestamp(Object[] a) {
        LocalDate date = makeDate((int) a[0], (int) a[1], (int) a[2]);
        LocalTime time = makeTime((int) a[3], (int) a[4], (double) a[5]);
        return date.atTime(time);
    }

    static Instant fromEpoch(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp cannot be NaN");
        }
        if (Double.isInfinite(seconds)) {
            return seconds > 0 ? Instant.MAX : Instant.MIN;
        }
        long micros = Math.round(seconds * 1_000_000);
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static LocalDateTime dateBin(Interval stride, LocalDateTime source, LocalDateTime origin) {
        if (stride.months() != 0) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "timestamps cannot be binned into intervals containing months or years");
        }
        long strideMicros = stride.days() * DateTimeMath.MICROS_PER_DAY + stride.micros();
        if (strideMicros <= 0) {
            throw new ShaleException(ErrorCode.DATETIME_FIELD_OVERFLOW, "stride must be greater than zero");
        }
        long delta = ChronoUnit.MICROS.between(origin, source);
        long bins = Math.floorDiv(delta, strideMicros);
        return origin.plus(bins * strideMicros, ChronoUnit.MICROS);
    }

    static ZoneOffset offsetAt(ZoneId zone, Instant at) {
        return zone.getRules().getOffset(at);
    }
}
