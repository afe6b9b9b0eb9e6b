package io.shale.common.types;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips of every type through text, binary, key and row encodings (jqwik logs its seeds). */
class CodecPropertiesTest {
    private static final FormatSettings UTC = FormatSettings.defaults();
    private static final FormatSettings KOLKATA = FormatSettings.defaults().withTimeZone(ZoneId.of("Asia/Kolkata"));

    @Provide
    Arbitrary<Tuple.Tuple2<SqlType, Object>> anyValue() {
        return TypedValues.anyType(TypedValues.all()).flatMap(g -> g.values().map(v -> Tuple.of(g.type(), v)));
    }

    @Provide
    Arbitrary<Tuple.Tuple3<SqlType, Object, Object>> keyablePair() {
        return TypedValues.anyType(TypedValues.keyable()).flatMap(g -> Combinators.combine(
                g.values().injectNull(0.1), g.values().injectNull(0.1)).as((a, b) -> Tuple.of(g.type(), a, b)));
    }

    @Property(tries = 2000)
    void textRoundTrip(@ForAll("anyValue") Tuple.Tuple2<SqlType, Object> tv) {
        for (FormatSettings s : List.of(UTC, KOLKATA, UTC.withDateStyleSetting("SQL, DMY"),
                UTC.withDateStyleSetting("Postgres, MDY"), UTC.withDateStyleSetting("German"),
                UTC.withDateStyleSetting("SQL, MDY"))) {
            String text = TextCodec.format(tv.get1(), tv.get2(), s);
            Object back = TextCodec.parse(tv.get1(), text, s);
            assertThat(Values.compare(tv.get1(), back, tv.get2())).as(text).isZero();
            assertThat(TextCodec.format(tv.get1(), back, s)).isEqualTo(text);
        }
    }

    @Property(tries = 2000)
    void binaryRoundTrip(@ForAll("anyValue") Tuple.Tuple2<SqlType, Object> tv) {
        byte[] b = BinaryCodec.encode(tv.get1(), tv.get2(), UTC);
        Object back = BinaryCodec.decode(tv.get1(), b, UTC);
        assertThat(Values.compare(tv.get1(), back, tv.get2())).isZero();
        assertThat(TextCodec.format(tv.get1(), back, UTC)).isEqualTo(TextCodec.format(tv.get1(), tv.get2(), UTC));
    }

    @Property(tries = 3000)
    void keyOrderIsSqlOrder(@ForAll("keyablePair") Tuple.Tuple3<SqlType, Object, Object> p) {
        SqlType t = p.get1();
        for (boolean desc : new boolean[] {false, true}) {
            for (boolean nullsFirst : new boolean[] {false, true}) {
                int sql = sqlOrder(t, p.get2(), p.get3(), desc, nullsFirst);
                int key = Arrays.compareUnsigned(key(t, p.get2(), desc, nullsFirst), key(t, p.get3(), desc, nullsFirst));
                assertThat(Integer.signum(key)).as("%s %s vs %s desc=%s nf=%s", t, p.get2(), p.get3(), desc, nullsFirst)
                        .isEqualTo(Integer.signum(sql));
            }
        }
    }

    @Property(tries = 1000)
    void keyDecodeGivesAnEqualValue(@ForAll("keyablePair") Tuple.Tuple3<SqlType, Object, Object> p,
                                    @ForAll boolean desc, @ForAll boolean nullsFirst) {
        byte[] k = key(p.get1(), p.get2(), desc, nullsFirst);
        Object back = KeyCodec.decode(new KeyReader(k), p.get1(), desc, nullsFirst);
        if (p.get2() == null) {
            assertThat(back).isNull();
        } else {
            assertThat(Values.compare(p.get1(), back, p.get2())).isZero();
        }
    }

    @Property(tries = 1000)
    void compositeKeysOrderLexicographically(@ForAll("keyablePair") Tuple.Tuple3<SqlType, Object, Object> first,
                                             @ForAll("keyablePair") Tuple.Tuple3<SqlType, Object, Object> second,
                                             @ForAll boolean desc) {
        SqlType[] types = {first.get1(), second.get1()};
        int sql = sqlOrder(types[0], first.get2(), first.get3(), false, false);
        if (sql == 0) {
            sql = sqlOrder(types[1], second.get2(), second.get3(), desc, true);
        }
        ByteSink a = new ByteSink();
        ByteSink b = new ByteSink();
        KeyCodec.writePrefix(a, 42);
        KeyCodec.writePrefix(b, 42);
        KeyCodec.encode(a, types[0], first.get2(), false, false);
        KeyCodec.encode(b, types[0], first.get3(), false, false);
        KeyCodec.encode(a, types[1], second.get2(), desc, true);
        KeyCodec.encode(b, types[1], second.get3(), desc, true);
        assertThat(Integer.signum(Arrays.compareUnsigned(a.toByteArray(), b.toByteArray()))).isEqualTo(Integer.signum(sql));
        assertThat(KeyCodec.readPrefix(a.toByteArray())).isEqualTo(42);
    }

    @Property(tries = 1000)
    void equalValuesHashAlike(@ForAll("keyablePair") Tuple.Tuple3<SqlType, Object, Object> p) {
        if (p.get2() != null && p.get3() != null && Values.equal(p.get1(), p.get2(), p.get3())) {
            assertThat(Values.hash(p.get1(), p.get2())).isEqualTo(Values.hash(p.get1(), p.get3()));
        }
        if (p.get2() != null) {
            Object same = TextCodec.parse(p.get1(), TextCodec.format(p.get1(), p.get2(), UTC), UTC);
            assertThat(Values.hash(p.get1(), same)).isEqualTo(Values.hash(p.get1(), p.get2()));
        }
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<SqlType, Object>>> rows() {
        return TypedValues.anyType(TypedValues.all())
                .flatMap(g -> g.values().injectNull(0.2).map(v -> Tuple.of(g.type(), v)))
                .list().ofMaxSize(12);
    }

    @Property(tries = 500)
    void rowRoundTrip(@ForAll("rows") List<Tuple.Tuple2<SqlType, Object>> cols) {
        SqlType[] types = new SqlType[cols.size()];
        Object[] row = new Object[cols.size()];
        for (int i = 0; i < row.length; i++) {
            types[i] = cols.get(i).get1();
            row[i] = cols.get(i).get2();
        }
        byte[] bytes = RowCodec.encode(types, row);
        assertThat(bytes[0]).isEqualTo((byte) RowCodec.VERSION);
        Object[] back = RowCodec.decode(types, bytes);
        for (int i = 0; i < row.length; i++) {
            Object one = RowCodec.decodeColumn(types, bytes, i);
            if (row[i] == null) {
                assertThat(back[i]).isNull();
                assertThat(one).isNull();
            } else {
                assertThat(Values.compare(types[i], back[i], row[i])).isZero();
                assertThat(Values.compare(types[i], one, row[i])).isZero();
            }
        }
    }

    static byte[] key(SqlType t, Object v, boolean desc, boolean nullsFirst) {
        ByteSink s = new ByteSink();
        KeyCodec.encode(s, t, v, desc, nullsFirst);
        return s.toByteArray();
    }

    static int sqlOrder(SqlType t, Object a, Object b, boolean desc, boolean nullsFirst) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == nullsFirst ? -1 : 1;
        }
        int c = Values.compare(t, a, b);
        return desc ? -c : c;
    }

    @Property(tries = 200)
    void intervalTextParsesInEveryStyle(@ForAll("intervals") Interval iv) {
        for (FormatSettings.IntervalStyle style : FormatSettings.IntervalStyle.values()) {
            FormatSettings s = new FormatSettings(ZoneId.of("UTC"), FormatSettings.DateStyle.ISO,
                    FormatSettings.DateOrder.MDY, style, 1, true, FormatSettings.OidNames.NUMERIC);
            String text = TextCodec.format(SqlType.INTERVAL, iv, s);
            assertThat((Interval) TextCodec.parse(SqlType.INTERVAL, text, s)).as(text).isEqualTo(iv);
        }
    }

    @Provide
    Arbitrary<Interval> intervals() {
        return Combinators.combine(Arbitraries.integers().between(-100000, 100000),
                Arbitraries.integers().between(-100000, 100000),
                Arbitraries.longs().between(-1L << 50, 1L << 50)).as(Interval::new);
    }
}
