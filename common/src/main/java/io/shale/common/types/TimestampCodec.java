package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * timestamp as LocalDateTime and timestamptz as Instant (infinities as MIN/MAX); binary int64
 * microseconds since 2000-01-01 00:00 (UTC for timestamptz).
 */
final class TimestampCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        return type.oid() == TypeOids.TIMESTAMPTZ ? DateTimeFormat.timestamptz((Instant) value, settings)
                : DateTimeFormat.timestamp((LocalDateTime) value, settings);
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        return parseAt(type, text, settings, Instant.now());
    }

    static Object parseAt(SqlType type, String text, FormatSettings settings, Instant now) {
        boolean tz = type.oid() == TypeOids.TIMESTAMPTZ;
        String name = tz ? "timestamp with time zone" : "timestamp without time zone";
        DateTimeParser.Fields f = DateTimeParser.parse(text, name, settings.dateOrder());
        ZoneId zone = f.zone() != null && tz ? f.zone() : settings.timeZone();
        LocalDate today = now.atZone(settings.timeZone()).toLocalDate();
        LocalTime time = f.time() != null ? f.time() : LocalTime.MIDNIGHT;
        LocalDateTime local = switch (f.special()) {
            case INFINITY -> LocalDateTime.MAX;
            case NEG_INFINITY -> LocalDateTime.MIN;
            case EPOCH -> tz ? null : LocalDateTime.of(1970, 1, 1, 0, 0);
            case NOW -> tz ? null : LocalDateTime.ofInstant(now, settings.timeZone());
            case TODAY -> LocalDateTime.of(today, time);
            case TOMORROW -> LocalDateTime.of(today.plusDays(1), time);
            case YESTERDAY -> LocalDateTime.of(today.minusDays(1), time);
            case ALLBALLS -> throw syntax(name, text);
            case NONE -> {
                if (f.date() == null) {
                    throw syntax(name, text);
                }
                yield f.endOfDay() ? LocalDateTime.of(f.date().plusDays(1), time) : LocalDateTime.of(f.date(), time);
            }
        };
        if (tz) {
            if (f.special() == DateTimeParser.Special.EPOCH) {
                return Instant.EPOCH;
            }
            if (f.special() == DateTimeParser.Special.NOW) {
                return roundInstant(now, type.typmod());
            }
            if (local.equals(LocalDateTime.MAX)) {
                return Instant.MAX;
            }
            if (local.equals(LocalDateTime.MIN)) {
                return Instant.MIN;
            }
            return roundInstant(local.atZone(zone).withLaterOffsetAtOverlap().toInstant(), type.typmod());
        }
        return PgTime.microsToTimestamp(PgTime.roundMicros(PgTime.timestampToMicros(local), type.typmod()));
    }

    static Instant roundInstant(Instant i, int typmod) {
        return PgTime.microsToInstant(PgTime.roundMicros(PgTime.instantToMicros(i), typmod));
    }

    private static ShaleException syntax(String name, String text) {
        return new ShaleException(ErrorCode.INVALID_DATETIME_FORMAT,
                "invalid input syntax for type " + name + ": \"" + text + "\"");
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        out.putLong(type.oid() == TypeOids.TIMESTAMPTZ ? PgTime.instantToMicros((Instant) value)
                : PgTime.timestampToMicros((LocalDateTime) value));
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        ValueCodec.expectLength(len, 8);
        long us = ValueCodec.getLong(buf, off);
        return type.oid() == TypeOids.TIMESTAMPTZ ? PgTime.microsToInstant(us) : PgTime.microsToTimestamp(us);
    }
}
