package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Order-preserving key encoding: the unsigned lexicographic order of encoded keys equals SQL
 * order ({@link Values#compare}) for ASC and DESC, NULLS FIRST and LAST; columns concatenate.
 *
 * <pre>
 * column   := marker value?            marker 0x01 null-first, 0x02 value, 0x03 null-last
 * value    := type encoding, every byte inverted for DESC
 * integers := big-endian with the sign bit flipped (int2: 2, int4/date: 4, int8/time/timestamp: 8)
 * floats   := IEEE bits, -0 and NaN canonical; negatives inverted, others sign-flipped
 * strings  := UTF-8 (bpchar without trailing spaces) with 0x00 escaped as 00 FF, ended by 00 01
 * numeric  := see {@link KeyNumeric}; interval := normalised days (int8) + micros in the day
 * </pre>
 */
public final class KeyCodec {
    static final int NULL_FIRST = 0x01;
    static final int VALUE = 0x02;
    static final int NULL_LAST = 0x03;
    static final int ESCAPED_ZERO = 0xFF;
    static final int TERMINATOR = 0x01;

    private KeyCodec() {
    }

    /** Appends the table or index id prefix (big-endian int64; ids are non-negative). */
    public static void writePrefix(ByteSink out, long id) {
        out.putLong(id);
    }

    public static byte[] prefix(long id) {
        return new ByteSink(8).putLong(id).toByteArray();
    }

    /** Reads the id prefix of a key. */
    public static long readPrefix(byte[] key) {
        return ValueCodec.getLong(key, 0);
    }

    /** Appends one key column. Enum columns take their sort position as an Integer. */
    public static void encode(ByteSink out, SqlType type, Object value, boolean descending, boolean nullsFirst) {
        if (value == null) {
            out.putByte(nullsFirst ? NULL_FIRST : NULL_LAST);
            return;
        }
        out.putByte(VALUE);
        int start = out.length();
        encodeValue(out, type.oid(), value);
        if (descending) {
            out.invert(start);
        }
    }

    /** Encodes a whole key (a prefix id followed by the columns), all ascending with nulls last. */
    public static byte[] encodeKey(long prefixId, SqlType[] types, Object[] values) {
        ByteSink out = new ByteSink(16 + values.length * 8);
        writePrefix(out, prefixId);
        for (int i = 0; i < values.length; i++) {
            encode(out, types[i], values[i], false, false);
        }
        return out.toByteArray();
    }

    private static void encodeValue(ByteSink out, int oid, Object v) {
        switch (oid) {
            case TypeOids.BOOL -> out.putByte((Boolean) v ? 1 : 0);
            case TypeOids.INT2 -> out.putShort(((Number) v).shortValue() ^ 0x8000);
            case TypeOids.INT4 -> out.putInt(((Number) v).intValue() ^ Integer.MIN_VALUE);
            case TypeOids.INT8 -> out.putLong(((Number) v).longValue() ^ Long.MIN_VALUE);
            case TypeOids.FLOAT4 -> {
                float f = ((Number) v).floatValue();
                int bits = f == 0 ? 0 : Float.isNaN(f) ? 0x7fc00000 : Float.floatToIntBits(f);
                out.putInt(bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE);
            }
            case TypeOids.FLOAT8 -> {
                double d = ((Number) v).doubleValue();
                long bits = d == 0 ? 0 : Double.isNaN(d) ? 0x7ff8000000000000L : Double.doubleToLongBits(d);
                out.putLong(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
            }
            case TypeOids.NUMERIC -> KeyNumeric.encode(out, (BigDecimal) v);
            case TypeOids.BPCHAR -> escaped(out, Casts.rtrim((String) v).getBytes(StandardCharsets.UTF_8));
            case TypeOids.BYTEA -> escaped(out, (byte[]) v);
            case TypeOids.DATE -> out.putInt(PgTime.dateToDays((LocalDate) v) ^ Integer.MIN_VALUE);
            case TypeOids.TIME -> out.putLong(PgTime.timeToMicros((LocalTime) v) ^ Long.MIN_VALUE);
            case TypeOids.TIMETZ -> {
                OffsetTime t = (OffsetTime) v;
                out.putLong(Values.utcMicros(t) ^ Long.MIN_VALUE);
                out.putInt(-t.getOffset().getTotalSeconds() ^ Integer.MIN_VALUE);
            }
            case TypeOids.TIMESTAMP -> out.putLong(PgTime.timestampToMicros((LocalDateTime) v) ^ Long.MIN_VALUE);
            case TypeOids.TIMESTAMPTZ -> out.putLong(PgTime.instantToMicros((Instant) v) ^ Long.MIN_VALUE);
            case TypeOids.INTERVAL -> {
                Interval iv = (Interval) v;
                out.putLong(iv.normalisedDays() ^ Long.MIN_VALUE);
                out.putLong(iv.normalisedMicros());
            }
            case TypeOids.UUID -> out.putLong(((UUID) v).getMostSignificantBits())
                    .putLong(((UUID) v).getLeastSignificantBits());
            case TypeOids.INET, TypeOids.CIDR -> {
                Inet i = (Inet) v;
                out.putByte(i.ipv6() ? 1 : 0).putBytes(i.network().address()).putByte(i.bits()).putBytes(i.address());
            }
            default -> encodeOther(out, oid, v);
        }
    }

    private static void encodeOther(ByteSink out, int oid, Object v) {
        if (v instanceof Integer position && BuiltinTypes.isEnum(oid)) {
            out.putInt(position ^ Integer.MIN_VALUE);
        } else if (v instanceof String s) {
            escaped(out, s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof Long l) {
            out.putInt((int) (long) l);
        } else {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "index keys of type " + TypeNames.format(SqlType.of(oid)) + " are not supported");
        }
    }

    private static void escaped(ByteSink out, byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                out.putByte(0).putByte(ESCAPED_ZERO);
            } else {
                out.putByte(x);
            }
        }
        out.putByte(0).putByte(TERMINATOR);
    }

    /**
     * Reads one key column written with the same type and flags; interval comes back normalised
     * (an equal value), char(n) padded again to its typmod.
     */
    public static Object decode(KeyReader in, SqlType type, boolean descending, boolean nullsFirst) {
        int marker = in.next(0);
        if (marker != VALUE) {
            return null;
        }
        int m = descending ? 0xFF : 0;
        int oid = type.oid();
        return switch (oid) {
            case TypeOids.BOOL -> in.next(m) != 0;
            case TypeOids.INT2 -> (short) (in.fixed(2, m) ^ 0x8000);
            case TypeOids.INT4 -> (int) in.fixed(4, m) ^ Integer.MIN_VALUE;
            case TypeOids.INT8 -> in.fixed(8, m) ^ Long.MIN_VALUE;
            case TypeOids.FLOAT4 -> {
                int bits = (int) in.fixed(4, m);
                yield Float.intBitsToFloat(bits < 0 ? bits ^ Integer.MIN_VALUE : ~bits);
            }
            case TypeOids.FLOAT8 -> {
                long bits = in.fixed(8, m);
                yield Double.longBitsToDouble(bits < 0 ? bits ^ Long.MIN_VALUE : ~bits);
            }
            case TypeOids.NUMERIC -> KeyNumeric.decode(in, m);
            case TypeOids.BPCHAR -> StringCodec.applyLength(type, new String(in.escaped(m), StandardCharsets.UTF_8), true);
            case TypeOids.BYTEA -> in.escaped(m);
            case TypeOids.DATE -> PgTime.daysToDate((int) in.fixed(4, m) ^ Integer.MIN_VALUE);
            case TypeOids.TIME -> PgTime.microsToTime(in.fixed(8, m) ^ Long.MIN_VALUE);
            case TypeOids.TIMETZ -> {
                long utc = in.fixed(8, m) ^ Long.MIN_VALUE;
                int offset = -((int) in.fixed(4, m) ^ Integer.MIN_VALUE);
                long local = Math.floorMod(utc + offset * 1_000_000L, Interval.MICROS_PER_DAY);
                yield OffsetTime.of(PgTime.microsToTime(local), ZoneOffset.ofTotalSeconds(offset));
            }
            case TypeOids.TIMESTAMP -> PgTime.microsToTimestamp(in.fixed(8, m) ^ Long.MIN_VALUE);
            case TypeOids.TIMESTAMPTZ -> PgTime.microsToInstant(in.fixed(8, m) ^ Long.MIN_VALUE);
            case TypeOids.INTERVAL -> {
                long days = in.fixed(8, m) ^ Long.MIN_VALUE;
                long micros = in.fixed(8, m);
                yield fromNormalised(days, micros);
            }
            case TypeOids.UUID -> new UUID(in.fixed(8, m), in.fixed(8, m));
            case TypeOids.INET, TypeOids.CIDR -> {
                int len = in.next(m) == 1 ? 16 : 4;
                for (int i = 0; i < len; i++) {
                    in.next(m);
                }
                int bits = in.next(m);
                byte[] a = new byte[len];
                for (int i = 0; i < len; i++) {
                    a[i] = (byte) in.next(m);
                }
                yield new Inet(a, bits);
            }
            default -> decodeOther(in, oid, m);
        };
    }

    /** An interval equal to the normalised (days, micros-of-day) pair, months filled first. */
    private static Interval fromNormalised(long days, long micros) {
        long months = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, days / 30));
        long rest = days - months * 30;
        long d = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, rest));
        return new Interval((int) months, (int) d, micros + (rest - d) * Interval.MICROS_PER_DAY);
    }

    private static Object decodeOther(KeyReader in, int oid, int m) {
        if (BuiltinTypes.isEnum(oid)) {
            return (int) in.fixed(4, m) ^ Integer.MIN_VALUE;
        }
        if (NumberCasts.isOidLike(oid) || oid == TypeOids.XID || oid == TypeOids.CID) {
            return in.fixed(4, m);
        }
        return new String(in.escaped(m), StandardCharsets.UTF_8);
    }
}
