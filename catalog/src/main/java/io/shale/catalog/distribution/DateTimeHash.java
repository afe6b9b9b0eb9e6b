package io.shale.catalog.distribution;

import io.shale.common.types.Interval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * The hashes of the date and time types: PostgreSQL hashes their integer representation (days or
 * microseconds since 2000-01-01, microseconds since midnight), with ±infinity as the integer
 * extremes PostgreSQL stores for them.
 */
final class DateTimeHash {
    /** Days from 1970-01-01 to PostgreSQL's epoch 2000-01-01. */
    private static final long PG_EPOCH_DAYS = 10957;
    /** Seconds from 1970-01-01 to 2000-01-01. */
    private static final long PG_EPOCH_SECONDS = PG_EPOCH_DAYS * 86400;

    private DateTimeHash() {
    }

    /** {@code time_hash}: hashint8 of the microseconds since midnight. */
    static int hashTime(LocalTime v) {
        return HashFunctions.hashInt8(v.toNanoOfDay() / 1000);
    }

    /** {@code hashint4} of the days since 2000-01-01; ±infinity are the int32 extremes. */
    static int hashDate(LocalDate v) {
        if (v.equals(LocalDate.MIN)) {
            return HashFunctions.hashInt4(Integer.MIN_VALUE);
        }
        if (v.equals(LocalDate.MAX)) {
            return HashFunctions.hashInt4(Integer.MAX_VALUE);
        }
        return HashFunctions.hashInt4((int) (v.toEpochDay() - PG_EPOCH_DAYS));
    }

    /** {@code timestamp_hash}: hashint8 of the microseconds since 2000-01-01 00:00:00. */
    static int hashTimestamp(LocalDateTime v) {
        if (v.equals(LocalDateTime.MIN)) {
            return HashFunctions.hashInt8(Long.MIN_VALUE);
        }
        if (v.equals(LocalDateTime.MAX)) {
            return HashFunctions.hashInt8(Long.MAX_VALUE);
        }
        return HashFunctions.hashInt8(micros(v.toEpochSecond(ZoneOffset.UTC), v.getNano()));
    }

    /** {@code timestamp_hash} of a timestamptz: microseconds since 2000-01-01 00:00:00 UTC. */
    static int hashTimestamptz(Instant v) {
        if (v.equals(Instant.MIN)) {
            return HashFunctions.hashInt8(Long.MIN_VALUE);
        }
        if (v.equals(Instant.MAX)) {
            return HashFunctions.hashInt8(Long.MAX_VALUE);
        }
        return HashFunctions.hashInt8(micros(v.getEpochSecond(), v.getNano()));
    }

    /**
     * {@code interval_hash}: hashint8 of the low 64 bits of the span with a month as 30 days and a
     * day as 24 hours, so intervals that compare equal hash equal.
     */
    static int hashInterval(Interval v) {
        long days = v.months() * 30L + v.days();
        return HashFunctions.hashInt8(days * Interval.MICROS_PER_DAY + v.micros());
    }

    /** {@code timetz_hash}: hashint8 of the time's microseconds XOR hash_uint32 of the zone (seconds west). */
    static int hashTimetz(OffsetTime v) {
        long micros = v.toLocalTime().toNanoOfDay() / 1000;
        int zone = -v.getOffset().getTotalSeconds();
        return HashFunctions.hashInt8(micros) ^ JenkinsHash.hashUint32(zone);
    }

    private static long micros(long epochSecond, int nano) {
        return (epochSecond - PG_EPOCH_SECONDS) * 1_000_000L + nano / 1000;
    }
}
