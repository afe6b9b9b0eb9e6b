package io.shale.common.types;

import java.time.Instant;
import java.time.LocalDate;

/** date as LocalDate (infinity as LocalDate.MIN/MAX); binary int32 days since 2000-01-01. */
final class DateCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        return DateTimeFormat.date((LocalDate) value, settings);
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        return parseAt(text, settings, Instant.now());
    }

    static LocalDate parseAt(String text, FormatSettings settings, Instant now) {
        DateTimeParser.Fields f = DateTimeParser.parse(text, "date", settings.dateOrder());
        LocalDate today = now.atZone(settings.timeZone()).toLocalDate();
        return switch (f.special()) {
            case EPOCH -> LocalDate.EPOCH;
            case INFINITY -> LocalDate.MAX;
            case NEG_INFINITY -> LocalDate.MIN;
            case NOW, TODAY -> today;
            case TOMORROW -> today.plusDays(1);
            case YESTERDAY -> today.minusDays(1);
            case ALLBALLS -> throw TypeErrors.invalidSyntax("date", text);
            case NONE -> {
                if (f.date() == null) {
                    throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_DATETIME_FORMAT,
                            "invalid input syntax for type date: \"" + text + "\"");
                }
                yield f.date();
            }
        };
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        out.putInt(PgTime.dateToDays((LocalDate) value));
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        ValueCodec.expectLength(len, 4);
        return PgTime.daysToDate(ValueCodec.getInt(buf, off));
    }
}
