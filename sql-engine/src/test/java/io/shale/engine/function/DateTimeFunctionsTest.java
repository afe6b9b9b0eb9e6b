package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.types.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static io.shale.common.types.SqlType.DATE;
import static io.shale.common.types.SqlType.INTERVAL;
import static io.shale.common.types.SqlType.TEXT;
import static io.shale.common.types.SqlType.TIMESTAMP;
import static io.shale.common.types.SqlType.TIMESTAMPTZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are PostgreSQL 15's output. */
@Timeout(10)
class DateTimeFunctionsTest {
    private static final LocalDateTime TS = LocalDateTime.parse("2024-03-10T12:34:56.789");
    private final Calls calls = new Calls();

    private String extract(String field, SqlType type, Object value) {
        return Calls.text(calls.call("extract", List.of(TEXT, type), field, value));
    }

    @Test
    void extractFieldsAndScales() {
        assertThat(extract("epoch", TIMESTAMP, TS)).isEqualTo("1710074096.789000");
        assertThat(extract("second", TIMESTAMP, TS)).isEqualTo("56.789000");
        assertThat(extract("milliseconds", TIMESTAMP, TS)).isEqualTo("56789.000");
        assertThat(extract("microseconds", TIMESTAMP, TS)).isEqualTo("56789000");
        assertThat(extract("julian", TIMESTAMP, TS)).isEqualTo("2460380.52426839120370370370");
        assertThat(extract("dow", TIMESTAMP, TS)).isEqualTo("0");
        assertThat(extract("epoch", DATE, LocalDate.parse("2024-03-10"))).isEqualTo("1710028800");
        assertThat(extract("week", DATE, LocalDate.parse("2024-12-30"))).isEqualTo("1");
        assertThat(extract("isoyear", DATE, LocalDate.parse("2024-12-30"))).isEqualTo("2025");
        assertThat(extract("century", DATE, LocalDate.parse("2024-01-01"))).isEqualTo("21");
        assertThat(extract("millennium", DATE, LocalDate.parse("2024-01-01"))).isEqualTo("3");
        assertThat(extract("decade", DATE, LocalDate.parse("2024-01-01"))).isEqualTo("202");
        assertThat(extract("julian", DATE, LocalDate.parse("2024-03-10"))).isEqualTo("2460380");
        Interval iv = new Interval(1, 2, 3 * 3_600_000_000L + 1_500_000);
        assertThat(extract("epoch", INTERVAL, iv)).isEqualTo("2775601.500000");
        assertThat(extract("day", INTERVAL, iv)).isEqualTo("2");
        assertThat(extract("hour", INTERVAL, new Interval(0, 0, -30 * 3_600_000_000L))).isEqualTo("-30");
        assertThat(extract("epoch", SqlType.TIME, LocalTime.parse("01:00:00.5"))).isEqualTo("3600.500000");
        assertThat(extract("timezone", TIMESTAMPTZ, Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo("0");
        assertThat(calls.call("date_part", List.of(TEXT, TIMESTAMP), "epoch", TS)).isEqualTo(1710074096.789);
        assertThatThrownBy(() -> extract("fortnight", TIMESTAMP, TS))
                .hasMessage("unit \"fortnight\" not recognized for type timestamp without time zone");
        assertThatThrownBy(() -> extract("hour", DATE, LocalDate.parse("2024-01-01")))
                .hasMessage("unit \"hour\" not supported for type date");
    }

    @Test
    void dateTrunc() {
        assertThat(calls.call("date_trunc", List.of(TEXT, TIMESTAMP), "week", LocalDateTime.parse("2024-03-10T12:34")))
                .isEqualTo(LocalDateTime.parse("2024-03-04T00:00"));
        assertThat(calls.call("date_trunc", List.of(TEXT, TIMESTAMP), "quarter", LocalDateTime.parse("2024-05-10T12:34")))
                .isEqualTo(LocalDateTime.parse("2024-04-01T00:00"));
        assertThat(calls.call("date_trunc", List.of(TEXT, TIMESTAMP), "century", LocalDateTime.parse("2000-03-10T00:00")))
                .isEqualTo(LocalDateTime.parse("1901-01-01T00:00"));
        assertThat(calls.call("date_trunc", List.of(TEXT, TIMESTAMP), "decade", LocalDateTime.parse("1999-03-10T00:00")))
                .isEqualTo(LocalDateTime.parse("1990-01-01T00:00"));
        assertThat(Calls.text(calls.call("date_trunc", List.of(TEXT, INTERVAL), "hour",
                new Interval(0, 1, 3 * 3_600_000_000L + 45 * 60_000_000L)))).isEqualTo("1 day 03:00:00");
        Object tokyo = calls.call("date_trunc", List.of(TEXT, TIMESTAMPTZ, TEXT), "day",
                Instant.parse("2024-03-10T12:34:00Z"), "Asia/Tokyo");
        assertThat(tokyo).isEqualTo(Instant.parse("2024-03-09T15:00:00Z"));
        calls.context.withZone("America/New_York");
        assertThat(calls.call("date_trunc", List.of(TEXT, TIMESTAMPTZ), "day", Instant.parse("2024-03-10T12:34:56Z")))
                .isEqualTo(Instant.parse("2024-03-10T05:00:00Z"));
    }

    @Test
    void intervalArithmetic() {
        calls.context.withZone("America/New_York");
        Instant noon = Instant.parse("2024-03-09T17:00:00Z");
        Object plusDay = calls.binary("+", TIMESTAMPTZ, INTERVAL, noon, new Interval(0, 1, 0));
        assertThat(io.shale.common.types.TextCodec.format(SqlType.TIMESTAMPTZ, (Instant) plusDay, calls.context.formatSettings()))
                .isEqualTo("2024-03-10 12:00:00-04");
        Object plusHours = calls.binary("+", TIMESTAMPTZ, INTERVAL, noon, new Interval(0, 0, 24 * 3_600_000_000L));
        assertThat(io.shale.common.types.TextCodec.format(SqlType.TIMESTAMPTZ, (Instant) plusHours, calls.context.formatSettings()))
                .isEqualTo("2024-03-10 13:00:00-04");
        assertThat(calls.binary("+", DATE, INTERVAL, LocalDate.parse("2024-01-31"), new Interval(1, 0, 0)))
                .isEqualTo(LocalDateTime.parse("2024-02-29T00:00"));
        assertThat(Calls.text(calls.binary("-", TIMESTAMP, TIMESTAMP, LocalDateTime.parse("2024-01-31T10:00"),
                LocalDateTime.parse("2024-01-01T12:30")))).isEqualTo("29 days 21:30:00");
        assertThat(Calls.text(calls.binary("*", INTERVAL, SqlType.FLOAT8, new Interval(1, 0, 0), 1.5)))
                .isEqualTo("1 mon 15 days");
        assertThat(Calls.text(calls.binary("/", INTERVAL, SqlType.FLOAT8, new Interval(0, 1, 0), 3.0)))
                .isEqualTo("08:00:00");
        assertThat(calls.binary("-", DATE, DATE, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-02-01")))
                .isEqualTo(29);
        assertThat(calls.binary("+", DATE, SqlType.INT4, LocalDate.parse("2024-02-28"), 2))
                .isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(calls.binary("+", SqlType.TIME, INTERVAL, LocalTime.parse("23:00"), new Interval(0, 0, 7_200_000_000L)))
                .isEqualTo(LocalTime.parse("01:00"));
        assertThat(Calls.text(new Interval(0, -1, 7_200_000_000L))).isEqualTo("-1 days +02:00:00");
    }

    @Test
    void justifyAgeAndConstructors() {
        assertThat(Calls.text(calls.call("justify_interval", List.of(INTERVAL), new Interval(0, 35, -3_600_000_000L))))
                .isEqualTo("1 mon 4 days 23:00:00");
        assertThat(Calls.text(calls.call("justify_hours", List.of(INTERVAL), new Interval(0, 0, 50 * 3_600_000_000L))))
                .isEqualTo("2 days 02:00:00");
        assertThat(Calls.text(calls.call("justify_days", List.of(INTERVAL), new Interval(0, 65, 0))))
                .isEqualTo("2 mons 5 days");
        assertThat(Calls.text(calls.call("age", List.of(TIMESTAMP, TIMESTAMP), LocalDateTime.parse("2024-03-01T00:00"),
                LocalDateTime.parse("2023-01-31T10:00")))).isEqualTo("1 year 1 mon 14:00:00");
        assertThat(Calls.text(calls.call("age", List.of(TIMESTAMP, TIMESTAMP), LocalDateTime.parse("2023-01-31T00:00"),
                LocalDateTime.parse("2024-03-01T10:00")))).isEqualTo("-1 years -1 mons -1 days -10:00:00");
        assertThat(Calls.text(calls.call("age", List.of(TIMESTAMP, TIMESTAMP), LocalDateTime.parse("2024-03-10T00:00"),
                LocalDateTime.parse("2000-02-29T00:00")))).isEqualTo("24 years 10 days");
        assertThat(calls.call("make_date", List.of(SqlType.INT4, SqlType.INT4, SqlType.INT4), 2024, 2, 29))
                .isEqualTo(LocalDate.parse("2024-02-29"));
        assertThatThrownBy(() -> calls.call("make_date", List.of(SqlType.INT4, SqlType.INT4, SqlType.INT4), 2023, 2, 29))
                .hasMessage("date field value out of range: 2023-02-29");
        assertThat(Calls.text(calls.call("make_interval", List.of(SqlType.INT4, SqlType.INT4, SqlType.INT4, SqlType.INT4),
                0, 0, 0, 3))).isEqualTo("3 days");
        assertThat(calls.call("to_timestamp", List.of(SqlType.FLOAT8), 0.0)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void timeZoneConversions() {
        assertThat(calls.call("timezone", List.of(TEXT, TIMESTAMPTZ), "UTC", Instant.parse("2024-03-10T12:00:00Z")))
                .isEqualTo(LocalDateTime.parse("2024-03-10T12:00"));
        assertThat(calls.call("timezone", List.of(TEXT, TIMESTAMP), "America/New_York",
                LocalDateTime.parse("2024-03-10T12:00"))).isEqualTo(Instant.parse("2024-03-10T16:00:00Z"));
        assertThat(calls.call("timezone", List.of(TEXT, TIMESTAMPTZ), "+05", Instant.parse("2024-03-10T12:00:00Z")))
                .isEqualTo(LocalDateTime.parse("2024-03-10T07:00"));
        assertThatThrownBy(() -> calls.call("timezone", List.of(TEXT, TIMESTAMPTZ), "Mars/Olympus", Instant.EPOCH))
                .hasMessage("time zone \"Mars/Olympus\" not recognized");
    }

    @Test
    void currentTimeFunctions() {
        assertThat(calls.call("now", List.of())).isEqualTo(calls.context.now);
        assertThat(calls.call("current_date", List.of())).isEqualTo(LocalDate.parse("2024-03-10"));
        assertThat(calls.call("localtimestamp", List.of())).isEqualTo(TS);
    }

    @Test
    void toCharAndParsing() {
        LocalDateTime t = LocalDateTime.parse("2024-03-05T14:07:09.123456");
        String all = (String) calls.call("to_char", List.of(TIMESTAMP, TEXT), t,
                "YYYY-MM-DD HH24:MI:SS.MS.US Mon Month Dy Day FMMonth FMDay HH12 AM am DDD D W WW IW Q CC J \"lit\" YY Y,YYY FMDD DDth FMDDth");
        assertThat(all).isEqualTo("2024-03-05 14:07:09.123.123456 Mar March     Tue Tuesday   March Tuesday 02 PM pm 065 3 1 10 10 1 21 2460375 lit 24 2,024 5 05th 5th");
        assertThat(calls.call("to_char", List.of(TIMESTAMP, TEXT), LocalDateTime.parse("2024-03-05T04:07:09"),
                "FMHH12:MI am")).isEqualTo("4:07 am");
        assertThat(calls.call("to_char", List.of(TIMESTAMP, TEXT), LocalDateTime.parse("2024-03-05T00:00"),
                "Day, DD Month YYYY")).isEqualTo("Tuesday  , 05 March     2024");
        assertThat(calls.call("to_char", List.of(TIMESTAMPTZ, TEXT), Instant.parse("2024-03-05T14:07:09Z"), "TZ OF"))
                .isEqualTo("UTC +00");
        assertThat(calls.call("to_char", List.of(INTERVAL, TEXT), new Interval(0, 1, 11045_000_000L), "HH24:MI:SS DD"))
                .isEqualTo("03:04:05 01");
        assertThat(calls.call("to_date", List.of(TEXT, TEXT), "05 Mar 2024", "DD Mon YYYY"))
                .isEqualTo(LocalDate.parse("2024-03-05"));
        assertThat(calls.call("to_timestamp", List.of(TEXT, TEXT), "2024-03-05 14:07:09", "YYYY-MM-DD HH24:MI:SS"))
                .isEqualTo(Instant.parse("2024-03-05T14:07:09Z"));
    }

    @Test
    void toCharNumbers() {
        String[][] cases = {
            {"5", "999", "   5"}, {"-5", "999", "  -5"}, {"5", "0999", " 0005"}, {"1234.5", "9,999.99", " 1,234.50"},
            {"1.5", "FM9.99", "1.5"}, {"1", "FM9.99", "1."}, {"12345", "999", " ###"},
            {"-1234.567", "FM9,999.00", "-1,234.57"}, {"0.5", "9.99", "  .50"}, {"0.5", "0.99", " 0.50"},
            {"42", "S999", " +42"}, {"-42", "999MI", " 42-"}, {"3.14159", "990.00", "   3.14"},
            {"1234567.891", "FM999,999,999.00", "1,234,567.89"}, {"0", "999", "   0"}, {"0", "FM999", "0"},
            {"12", "99th", " 12th"}, {"-0.1", "FM990.99", "-0.1"},
        };
        for (String[] c : cases) {
            assertThat(calls.call("to_char", List.of(SqlType.NUMERIC, TEXT), new BigDecimal(c[0]), c[1]))
                    .as("to_char(%s, '%s')", c[0], c[1]).isEqualTo(c[2]);
        }
        assertThat(Calls.text(calls.call("to_number", List.of(TEXT, TEXT), "12,454.8-", "99G999D9S"))).isEqualTo("-12454.8");
        assertThat(Calls.text(calls.call("to_number", List.of(TEXT, TEXT), "-12.5", "99.99"))).isEqualTo("-12.5");
    }
}
