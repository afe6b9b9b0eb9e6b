package io.shale.common.types;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index keys sort as SQL sorts, for every keyable type, ASC and DESC, NULLS FIRST and NULLS LAST: whole lists
 * sorted by key bytes come out in SQL order (not only pairs), and an encoded value is never a prefix of another
 * value's encoding, so the row id the engine appends to non-unique entries never changes their order. jqwik logs
 * the seed of each run.
 */
class KeyOrderPropertiesTest {

    @Provide
    Arbitrary<Tuple.Tuple2<SqlType, List<Object>>> keyableList() {
        return TypedValues.anyType(TypedValues.keyable()).flatMap(g -> g.values().injectNull(0.1).injectDuplicates(0.2)
                .list().ofMinSize(2).ofMaxSize(16).map(values -> Tuple.of(g.type(), values)));
    }

    @Property(tries = 250)
    void listsSortedByKeyBytesAreInSqlOrder(@ForAll("keyableList") Tuple.Tuple2<SqlType, List<Object>> list) {
        SqlType type = list.get1();
        for (boolean desc : new boolean[] {false, true}) {
            for (boolean nullsFirst : new boolean[] {false, true}) {
                List<Object[]> entries = new ArrayList<>();
                for (Object v : list.get2()) {
                    entries.add(new Object[] {v, CodecPropertiesTest.key(type, v, desc, nullsFirst)});
                }
                entries.sort((x, y) -> Arrays.compareUnsigned((byte[]) x[1], (byte[]) y[1]));
                for (int i = 1; i < entries.size(); i++) {
                    Object a = entries.get(i - 1)[0];
                    Object b = entries.get(i)[0];
                    int sql = CodecPropertiesTest.sqlOrder(type, a, b, desc, nullsFirst);
                    boolean sameKey = Arrays.equals((byte[]) entries.get(i - 1)[1], (byte[]) entries.get(i)[1]);
                    assertThat(sql).as("%s %s before %s desc=%s nullsFirst=%s", type, a, b, desc, nullsFirst)
                            .isLessThanOrEqualTo(0);
                    assertThat(sameKey).as("%s %s and %s: equal keys exactly for equal values", type, a, b)
                            .isEqualTo(sql == 0);
                }
            }
        }
    }

    @Property(tries = 800)
    void rowIdSuffixesNeverReorderDistinctValues(@ForAll("keyableList") Tuple.Tuple2<SqlType, List<Object>> list,
                                                 @ForAll long rowIdA, @ForAll long rowIdB, @ForAll boolean desc,
                                                 @ForAll boolean nullsFirst) {
        SqlType type = list.get1();
        Object a = list.get2().get(0);
        Object b = list.get2().get(1);
        int sql = CodecPropertiesTest.sqlOrder(type, a, b, desc, nullsFirst);
        byte[] keyA = withRowId(CodecPropertiesTest.key(type, a, desc, nullsFirst), rowIdA);
        byte[] keyB = withRowId(CodecPropertiesTest.key(type, b, desc, nullsFirst), rowIdB);
        int bytes = Arrays.compareUnsigned(keyA, keyB);
        if (sql != 0) {
            assertThat(Integer.signum(bytes)).as("%s %s vs %s", type, a, b).isEqualTo(Integer.signum(sql));
        } else {
            assertThat(Integer.signum(bytes)).isEqualTo(Integer.signum(Long.compareUnsigned(rowIdA, rowIdB)));
        }
    }

    @Property(tries = 250)
    void threeColumnKeysWithMixedDirectionsOrderLexicographically(
            @ForAll("keyableList") Tuple.Tuple2<SqlType, List<Object>> first,
            @ForAll("keyableList") Tuple.Tuple2<SqlType, List<Object>> second,
            @ForAll("keyableList") Tuple.Tuple2<SqlType, List<Object>> third,
            @ForAll boolean[] directions) {
        List<Tuple.Tuple2<SqlType, List<Object>>> columns = List.of(first, second, third);
        boolean[] desc = new boolean[3];
        boolean[] nullsFirst = new boolean[3];
        for (int c = 0; c < 3; c++) {
            desc[c] = directions.length > c && directions[c];
            nullsFirst[c] = directions.length > c + 3 && directions[c + 3];
        }
        int sql = 0;
        ByteSink a = new ByteSink();
        ByteSink b = new ByteSink();
        for (int c = 0; c < 3; c++) {
            SqlType type = columns.get(c).get1();
            Object x = columns.get(c).get2().get(0);
            Object y = columns.get(c).get2().get(1);
            if (sql == 0) {
                sql = CodecPropertiesTest.sqlOrder(type, x, y, desc[c], nullsFirst[c]);
            }
            KeyCodec.encode(a, type, x, desc[c], nullsFirst[c]);
            KeyCodec.encode(b, type, y, desc[c], nullsFirst[c]);
        }
        assertThat(Integer.signum(Arrays.compareUnsigned(a.toByteArray(), b.toByteArray()))).isEqualTo(Integer.signum(sql));
    }

    private static byte[] withRowId(byte[] key, long rowId) {
        byte[] out = Arrays.copyOf(key, key.length + 8);
        for (int i = 0; i < 8; i++) {
            out[key.length + i] = (byte) (rowId >>> (56 - 8 * i));
        }
        return out;
    }
}
