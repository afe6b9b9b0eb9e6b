package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.types.SqlType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Data type formatting functions (PostgreSQL documentation 9.8): to_char, to_number, to_date, to_timestamp. */
final class FormattingFunctions {
    private static final SqlType TEXT = SqlType.TEXT;

    private FormattingFunctions() {
    }

    static void register(Registrar r) {
        r.def("to_char", TEXT).args(SqlType.TIMESTAMP, TEXT).stable().scalar((c, a) ->
                DateTimeFormat.format(DateTimeFormat.Fields.of((LocalDateTime) a[0], "", null), (String) a[1]));
        r.def("to_char", TEXT).args(SqlType.TIMESTAMPTZ, TEXT).stable().scalar((c, a) -> {
            ZonedDateTime z = ((Instant) a[0]).atZone(c.formatSettings().timeZone());
            String abbreviation = zoneAbbreviation(z);
            return DateTimeFormat.format(DateTimeFormat.Fields.of(z.toLocalDateTime(), abbreviation,
                    z.getOffset().getTotalSeconds()), (String) a[1]);
        });
        r.def("to_char", TEXT).args(SqlType.INTERVAL, TEXT).scalar((c, a) ->
                DateTimeFormat.format(DateTimeFormat.Fields.of((Interval) a[0]), (String) a[1]));
        r.def("to_char", TEXT).args(SqlType.INT4, TEXT).scalar((c, a) ->
                NumberFormat.toChar(BigDecimal.valueOf((int) a[0]), (String) a[1]));
        r.def("to_char", TEXT).args(SqlType.INT8, TEXT).scalar((c, a) ->
                NumberFormat.toChar(BigDecimal.valueOf((long) a[0]), (String) a[1]));
        r.def("to_char", TEXT).args(SqlType.FLOAT4, TEXT).scalar((c, a) ->
                NumberFormat.toChar(Numbers.toBigDecimal(a[0]), (String) a[1]));
        r.def("to_char", TEXT).args(SqlType.FLOAT8, TEXT).scalar((c, a) ->
                NumberFormat.toChar(Numbers.toBigDecimal(a[0]), (String) a[1]));
        r.def("to_char", TEXT).args(SqlType.NUMERIC, TEXT).scalar((c, a) ->
                NumberFormat.toChar((BigDecimal) a[0], (String) a[1]));
        r.def("to_number", SqlType.NUMERIC).args(TEXT, TEXT).stable().scalar((c, a) ->
                NumberFormat.toNumber((String) a[0], (String) a[1]));
        r.def("to_date", SqlType.DATE).args(TEXT, TEXT).stable().scalar((c, a) ->
                toDate(DateTimeFormat.parse((String) a[0], (String) a[1])));
        r.def("to_timestamp", SqlType.TIMESTAMPTZ).args(TEXT, TEXT).stable().scalar((c, a) ->
                DateTimeFormat.parse((String) a[0], (String) a[1]).atZone(c.formatSettings().timeZone()).toInstant());
    }

    private static LocalDate toDate(LocalDateTime t) {
        return t.toLocalDate();
    }

    private static String zoneAbbreviation(ZonedDateTime z) {
        String id = z.getZone().getId();
        if (id.equals("Z") || id.equals("UTC") || id.equals("Etc/UTC")) {
            return "UTC";
        }
        if (id.startsWith("+") || id.startsWith("-")) {
            return DateTimeText.offset(z.getOffset());
        }
        return java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ROOT).format(z);
    }
}
