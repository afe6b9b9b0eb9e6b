package io.shale.common.types;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** jqwik generators of values for every type with codecs, keyed by SqlType. */
final class TypedValues {
    /** A type and the generator of its non-null values. */
    record Gen(SqlType type, Arbitrary<Object> values) {
    }

    private TypedValues() {
    }

    static final long MIN_TS = LocalDateTime.of(-4712, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    static final long MAX_TS = LocalDateTime.of(99999, 12, 31, 23, 59).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;

    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0001', '\uD7FF').ofMaxLength(12),
                Arbitraries.strings().withChars("ab {}\",\\NUL \t()x\u00e9\u4e2d\uD83D\uDE00".toCharArray()).ofMaxLength(8)
                        .filter(s -> !hasLoneSurrogate(s)),
                Arbitraries.of("", "NULL", "null", "a b", "a", "a "));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static Arbitrary<BigDecimal> numeric() {
        return Combinators.combine(
                Arbitraries.bigIntegers().between(new BigInteger("-1" + "0".repeat(40)), new BigInteger("1" + "0".repeat(40))),
                Arbitraries.integers().between(0, 30)).as(BigDecimal::new);
    }

    static Arbitrary<Interval> interval() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.longs()
                .between(-Long.MAX_VALUE, Long.MAX_VALUE)).as(Interval::new);
    }

    static Arbitrary<Jsonb> jsonb() {
        return Arbitraries.recursive(
                () -> Arbitraries.oneOf(
                        Arbitraries.just(JsonValue.NULL),
                        Arbitraries.of(true, false).map(JsonValue.Bool::new),
                        numeric().map(JsonValue.Number::new),
                        text().map(JsonValue.Str::new)),
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(JsonValue.Array::new),
                        Combinators.combine(text().list().ofMaxSize(3), inner.list().ofSize(3)).as((keys, vals) -> {
                            StringBuilder sb = new StringBuilder("{");
                            for (int i = 0; i < keys.size(); i++) {
                                if (i > 0) {
                                    sb.append(',');
                                }
                                JsonText.quote(sb, keys.get(i));
                                sb.append(':');
                                JsonText.write(sb, vals.get(i));
                            }
                            return JsonParser.parse(sb.append('}').toString(), "json");
                        })),
                0, 3).map(Jsonb::new);
    }

    static Arbitrary<Inet> inet() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(4), Arbitraries.integers().between(0, 32))
                        .as(Inet::new),
                Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(16), Arbitraries.integers().between(0, 128))
                        .as(Inet::new));
    }

    @SuppressWarnings("unchecked")
    private static Gen gen(int oid, Arbitrary<?> a) {
        return new Gen(SqlType.of(oid), (Arbitrary<Object>) a);
    }

    /** Every scalar type that can be a key column. */
    static List<Gen> keyable() {
        List<Gen> g = new ArrayList<>();
        g.add(gen(TypeOids.BOOL, Arbitraries.of(true, false)));
        g.add(gen(TypeOids.INT2, Arbitraries.shorts()));
        g.add(gen(TypeOids.INT4, Arbitraries.integers()));
        g.add(gen(TypeOids.INT8, Arbitraries.longs()));
        g.add(gen(TypeOids.OID, Arbitraries.longs().between(0, 0xFFFFFFFFL)));
        g.add(gen(TypeOids.FLOAT4, Arbitraries.floats().withSpecialValue(Float.NaN)
                .withSpecialValue(Float.POSITIVE_INFINITY).withSpecialValue(Float.NEGATIVE_INFINITY)
                .withSpecialValue(-0.0f).withSpecialValue(Float.MIN_VALUE)));
        g.add(gen(TypeOids.FLOAT8, Arbitraries.doubles().withSpecialValue(Double.NaN)
                .withSpecialValue(Double.POSITIVE_INFINITY).withSpecialValue(Double.NEGATIVE_INFINITY)
                .withSpecialValue(-0.0).withSpecialValue(Double.MIN_VALUE).withSpecialValue(1e-300)));
        g.add(gen(TypeOids.NUMERIC, numeric()));
        g.add(gen(TypeOids.TEXT, text()));
        g.add(gen(TypeOids.VARCHAR, text()));
        g.add(gen(TypeOids.BPCHAR, text()));
        g.add(gen(TypeOids.NAME, Arbitraries.strings().alpha().ofMaxLength(10)));
        g.add(gen(TypeOids.BYTEA, Arbitraries.bytes().array(byte[].class).ofMaxSize(10)));
        g.add(gen(TypeOids.DATE, Arbitraries.oneOf(Arbitraries.of(LocalDate.MIN, LocalDate.MAX),
                Arbitraries.longs().between(LocalDate.of(-4712, 1, 1).toEpochDay(), LocalDate.of(99999, 1, 1).toEpochDay())
                        .map(LocalDate::ofEpochDay))));
        g.add(gen(TypeOids.TIME, Arbitraries.longs().between(0, Interval.MICROS_PER_DAY - 1).map(PgTime::microsToTime)));
        g.add(gen(TypeOids.TIMETZ, Combinators.combine(
                Arbitraries.longs().between(0, Interval.MICROS_PER_DAY - 1).map(PgTime::microsToTime),
                Arbitraries.integers().between(-15 * 60 + 1, 15 * 60 - 1).map(m -> ZoneOffset.ofTotalSeconds(m * 60)))
                .as(OffsetTime::of)));
        g.add(gen(TypeOids.TIMESTAMP, Arbitraries.oneOf(Arbitraries.of(LocalDateTime.MIN, LocalDateTime.MAX),
                Arbitraries.longs().between(MIN_TS, MAX_TS).map(us -> PgTime.microsToTimestamp(us - PgTime.EPOCH_MICROS_2000)))));
        g.add(gen(TypeOids.TIMESTAMPTZ, Arbitraries.oneOf(Arbitraries.of(Instant.MIN, Instant.MAX),
                Arbitraries.longs().between(MIN_TS, MAX_TS).map(us -> PgTime.microsToInstant(us - PgTime.EPOCH_MICROS_2000)))));
        g.add(gen(TypeOids.INTERVAL, interval()));
        g.add(gen(TypeOids.UUID, Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new)));
        g.add(gen(TypeOids.INET, inet()));
        return g;
    }

    /** Every type with text and binary codecs, including jsonb and arrays. */
    static List<Gen> all() {
        List<Gen> g = new ArrayList<>(keyable());
        g.add(gen(TypeOids.JSONB, jsonb()));
        g.add(gen(TypeOids.INT4_ARRAY, Arbitraries.integers().injectNull(0.2).list().ofMaxSize(5)
                .map(l -> ArrayValue.of(TypeOids.INT4, l.toArray()))));
        g.add(gen(TypeOids.TEXT_ARRAY, text().injectNull(0.2).list().ofMaxSize(5)
                .map(l -> ArrayValue.of(TypeOids.TEXT, l.toArray()))));
        g.add(gen(TypeOids.INT8_ARRAY, Combinators.combine(Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(-3, 3), Arbitraries.longs().injectNull(0.1)
                        .list().ofSize(9))
                .as((r, c, lb, l) -> new ArrayValue(TypeOids.INT8, new int[] {r, c}, new int[] {lb, 1},
                        l.subList(0, r * c).toArray()))));
        return g;
    }

    static Arbitrary<Gen> anyType(List<Gen> gens) {
        return Arbitraries.of(gens);
    }
}
