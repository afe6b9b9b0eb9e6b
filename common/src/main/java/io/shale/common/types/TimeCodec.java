package io.shale.common.types;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/** time as LocalTime and timetz as OffsetTime; binary int64 µs (+ int32 offset west of UTC). */
final class TimeCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        if (value instanceof OffsetTime t) {
            StringBuilder sb = new StringBuilder(24);
            DateTimeFormat.appendTime(sb, t.toLocalTime());
            DateTimeFormat.appendOffset(sb, t.getOffset().getTotalSeconds());
            return sb.toString();
        }
        return DateTimeFormat.time((LocalTime) value);
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        return parseAt(type, text, settings, Instant.now());
    }

    static Object parseAt(SqlType type, String text, FormatSettings settings, Instant now) {
        boolean tz = type.oid() == TypeOids.TIMETZ;
        String name = tz ? "time with time zone" : "time without time zone";
        DateTimeParser.Fields f = DateTimeParser.parse(text, name, settings.dateOrder());
        LocalTime t = switch (f.special()) {
            case ALLBALLS -> LocalTime.MIDNIGHT;
            case NOW -> now.atZone(f.zone() != null ? f.zone() : settings.timeZone()).toLocalTime();
            case NONE, TODAY, TOMORROW, YESTERDAY -> {
                if (f.time() == null) {
                    throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_DATETIME_FORMAT,
                            "invalid input syntax for type " + name + ": \"" + text + "\"");
                }
                yield f.endOfDay() ? LocalTime.MAX.withNano(999_999_000) : f.time();
            }
            default -> throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type " + name + ": \"" + text + "\"");
        };
        t = round(t, type.typmod());
        if (!tz) {
            return t;
        }
        ZoneOffset off = f.zone() instanceof ZoneOffset o ? o
                : (f.zone() != null ? f.zone() : settings.timeZone()).getRules().getOffset(now);
        return OffsetTime.of(t, off);
    }

    static LocalTime round(LocalTime t, int typmod) {
        long us = PgTime.roundMicros(PgTime.timeToMicros(t), typmod);
        return us >= Interval.MICROS_PER_DAY ? LocalTime.MAX.withNano(999_999_000) : PgTime.microsToTime(us);
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        if (value instanceof OffsetTime t) {
            out.putLong(PgTime.timeToMicros(t.toLocalTime())).putInt(-t.getOffset().getTotalSeconds());
        } else {
            out.putLong(PgTime.timeToMicros((LocalTime) value));
        }
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        if (type.oid() == TypeOids.TIMETZ) {
            ValueCodec.expectLength(len, 12);
            return OffsetTime.of(PgTime.microsToTime(ValueCodec.getLong(buf, off)),
                    ZoneOffset.ofTotalSeconds(-ValueCodec.getInt(buf, off + 8)));
        }
        ValueCodec.expectLength(len, 8);
        return PgTime.microsToTime(ValueCodec.getLong(buf, off));
    }
}
