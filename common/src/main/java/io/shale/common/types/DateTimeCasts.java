package io.shale.common.types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;

/** Casts among date, time, timetz, timestamp, timestamptz and interval in the session time zone. */
final class DateTimeCasts {
    private DateTimeCasts() {
    }

    static boolean isDateTime(int oid) {
        return oid == TypeOids.DATE || oid == TypeOids.TIME || oid == TypeOids.TIMETZ || oid == TypeOids.TIMESTAMP
                || oid == TypeOids.TIMESTAMPTZ || oid == TypeOids.INTERVAL;
    }

    /** Returns null when there is no such cast. */
    static Object cast(Object v, int from, SqlType to, FormatSettings s) {
        ZoneId zone = s.timeZone();
        LocalDateTime local = switch (v) {
            case LocalDate d -> d.equals(LocalDate.MAX) ? LocalDateTime.MAX
                    : d.equals(LocalDate.MIN) ? LocalDateTime.MIN : d.atStartOfDay();
            case LocalDateTime t -> t;
            case Instant i -> i.equals(Instant.MAX) ? LocalDateTime.MAX
                    : i.equals(Instant.MIN) ? LocalDateTime.MIN : LocalDateTime.ofInstant(i, zone);
            default -> null;
        };
        return switch (to.oid()) {
            case TypeOids.DATE -> local == null ? null : local.equals(LocalDateTime.MAX) ? LocalDate.MAX
                    : local.equals(LocalDateTime.MIN) ? LocalDate.MIN : local.toLocalDate();
            case TypeOids.TIMESTAMP -> local == null ? null : PgTime.microsToTimestamp(
                    PgTime.roundMicros(PgTime.timestampToMicros(local), to.typmod()));
            case TypeOids.TIMESTAMPTZ -> {
                if (local == null) {
                    yield null;
                }
                Instant i = v instanceof Instant x ? x : local.equals(LocalDateTime.MAX) ? Instant.MAX
                        : local.equals(LocalDateTime.MIN) ? Instant.MIN : local.atZone(zone).withLaterOffsetAtOverlap().toInstant();
                yield TimestampCodec.roundInstant(i, to.typmod());
            }
            case TypeOids.TIME -> switch (v) {
                case LocalTime t -> TimeCodec.round(t, to.typmod());
                case OffsetTime t -> TimeCodec.round(t.toLocalTime(), to.typmod());
                case Interval iv -> PgTime.microsToTime(Math.floorMod(iv.micros(), Interval.MICROS_PER_DAY));
                default -> local == null || from == TypeOids.DATE ? null : TimeCodec.round(local.toLocalTime(), to.typmod());
            };
            case TypeOids.TIMETZ -> switch (v) {
                case OffsetTime t -> OffsetTime.of(TimeCodec.round(t.toLocalTime(), to.typmod()), t.getOffset());
                case LocalTime t -> OffsetTime.of(TimeCodec.round(t, to.typmod()), zone.getRules().getOffset(Instant.now()));
                case Instant i -> OffsetTime.ofInstant(i, zone);
                default -> null;
            };
            case TypeOids.INTERVAL -> switch (v) {
                case Interval iv -> {
                    int p = to.typmod() < 0 ? -1 : to.typmod() & 0xFFFF;
                    yield new Interval(iv.months(), iv.days(), PgTime.roundMicros(iv.micros(), p));
                }
                case LocalTime t -> Interval.ofMicros(PgTime.timeToMicros(t));
                default -> null;
            };
            default -> null;
        };
    }
}
