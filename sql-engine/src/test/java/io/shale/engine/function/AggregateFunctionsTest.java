package io.shale.engine.function;

import io.shale.common.types.Interval;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.List;

import static io.shale.common.types.SqlType.FLOAT8;
import static io.shale.common.types.SqlType.INT4;
import static io.shale.common.types.SqlType.NUMERIC;
import static io.shale.common.types.SqlType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are PostgreSQL 15's output. */
@Timeout(10)
class AggregateFunctionsTest {
    private final Calls calls = new Calls();
    private final Object[][] ints = Calls.values(1, 2, null, 4);

    @Test
    void sumsAndAverages() {
        assertThat(Calls.text(calls.aggregate("avg", List.of(INT4), ints))).isEqualTo("2.3333333333333333");
        assertThat(Calls.text(calls.aggregate("avg", List.of(INT4), Calls.values(1, 2, 3, 4)))).isEqualTo("2.5000000000000000");
        assertThat(calls.aggregate("sum", List.of(INT4), ints)).isEqualTo(7L);
        assertThat(calls.aggregate("sum", List.of(INT4))).isNull();
        assertThat(calls.aggregate("avg", List.of(FLOAT8), Calls.values(1.5, 2.5))).isEqualTo(2.0);
        assertThat(Calls.text(calls.aggregate("avg", List.of(SqlType.INTERVAL),
                Calls.values(new Interval(0, 1, 0), new Interval(0, 0, 7_200_000_000L))))).isEqualTo("13:00:00");
        assertThat(Calls.text(calls.aggregate("avg", List.of(NUMERIC),
                Calls.values(new BigDecimal("1.5"), new BigDecimal("2.25"), new BigDecimal("3.125")))))
                .isEqualTo("2.2916666666666667");
    }

    @Test
    void varianceFamily() {
        Object[][] four = Calls.values(1, 2, 3, 4);
        assertThat(Calls.text(calls.aggregate("variance", List.of(INT4), four))).isEqualTo("1.6666666666666667");
        assertThat(Calls.text(calls.aggregate("stddev", List.of(INT4), four))).isEqualTo("1.2909944487358056");
        assertThat(Calls.text(calls.aggregate("var_pop", List.of(INT4), four))).isEqualTo("1.2500000000000000");
        assertThat(Calls.text(calls.aggregate("stddev_pop", List.of(INT4), four))).isEqualTo("1.1180339887498948");
        Object[][] decimals = Calls.values(new BigDecimal("1.5"), new BigDecimal("2.25"), new BigDecimal("3.125"));
        assertThat(Calls.text(calls.aggregate("variance", List.of(NUMERIC), decimals))).isEqualTo("0.66145833333333333333");
        assertThat(Calls.text(calls.aggregate("stddev", List.of(NUMERIC), decimals))).isEqualTo("0.81330088733096395985");
        Object[][] big = Calls.values(100000, 200000, 300001);
        assertThat(Calls.text(calls.aggregate("variance", List.of(INT4), big))).isEqualTo("10000100000.33333333");
        assertThat(Calls.text(calls.aggregate("stddev", List.of(INT4), big))).isEqualTo("100000.50000042");
        Object[][] doubles = Calls.values(1.0, 2.0, 4.0);
        assertThat(calls.aggregate("variance", List.of(FLOAT8), doubles)).isEqualTo(2.3333333333333335);
        assertThat(calls.aggregate("stddev", List.of(FLOAT8), doubles)).isEqualTo(1.5275252316519468);
        assertThat(calls.aggregate("variance", List.of(INT4), Calls.values(5))).isNull();
    }

    @Test
    void countMinMaxAndMovingFrames() {
        Resolution r = Calls.FUNCTIONS.resolve("count", List.of());
        AggregateFunction.Accumulator count = ((FunctionKind.Aggregate) r.definition().kind()).implementation()
                .create(calls.context, List.of());
        count.add(new Object[0]);
        count.add(new Object[0]);
        assertThat(count.remove(new Object[0])).isTrue();
        assertThat(count.result()).isEqualTo(1L);
        assertThat(calls.aggregate("count", List.of(INT4), ints)).isEqualTo(3L);
        assertThat(calls.aggregate("min", List.of(INT4), ints)).isEqualTo(1);
        assertThat(calls.aggregate("max", List.of(TEXT), Calls.values("b", "ab", "c"))).isEqualTo("c");
        assertThat(calls.aggregate("max", List.of(SqlType.of(TypeOids.INT4_ARRAY)),
                Calls.values(Calls.array(23, 1, 2), Calls.array(23, 1, 3)))).extracting(Calls::text).isEqualTo("{1,3}");
        assertThat(calls.aggregate("bool_and", List.of(SqlType.BOOL), Calls.values(true, false))).isEqualTo(false);
        assertThat(calls.aggregate("bool_or", List.of(SqlType.BOOL), Calls.values(true, false))).isEqualTo(true);
        assertThat(calls.aggregate("bit_or", List.of(INT4), Calls.values(1, 4))).isEqualTo(5);
    }

    @Test
    void stringAndArrayAggregates() {
        Object[][] rows = {{"1", ","}, {"2", ","}, {null, ","}, {"4", ","}};
        assertThat(calls.aggregate("string_agg", List.of(TEXT, TEXT), rows)).isEqualTo("1,2,4");
        assertThat(Calls.text(calls.aggregate("array_agg", List.of(INT4), ints))).isEqualTo("{1,2,NULL,4}");
        assertThat(calls.aggregate("array_agg", List.of(INT4))).isNull();
        SqlType ints = SqlType.of(TypeOids.INT4_ARRAY);
        assertThat(Calls.FUNCTIONS.resolve("array_agg", List.of(ints)).returnType()).isEqualTo(ints);
        assertThat(Calls.text(calls.aggregate("array_agg", List.of(ints),
                Calls.values(Calls.array(23, 1, 2), Calls.array(23, 3, 4))))).isEqualTo("{{1,2},{3,4}}");
    }

    @Test
    void orderedSetAggregatesGetSortedRows() {
        Object[][] rows = {{0.5, 1.0}, {0.5, 2.0}, {0.5, 2.0}, {0.5, 3.0}, {0.5, 10.0}, {0.5, null}};
        assertThat(calls.aggregate("percentile_cont", List.of(FLOAT8, FLOAT8), rows)).isEqualTo(2.0);
        Object[][] quarter = {{0.25, 1.0}, {0.25, 2.0}, {0.25, 2.0}, {0.25, 3.0}, {0.25, 10.0}};
        assertThat(calls.aggregate("percentile_cont", List.of(FLOAT8, FLOAT8), quarter)).isEqualTo(2.0);
        Object[][] ints = {{0.5, 1}, {0.5, 2}, {0.5, 2}, {0.5, 3}, {0.5, 10}};
        assertThat(calls.aggregate("percentile_disc", List.of(FLOAT8, INT4), ints)).isEqualTo(2);
        assertThat(calls.aggregate("mode", List.of(INT4), Calls.values(1, 2, 2, 3, 10))).isEqualTo(2);
        assertThat(((FunctionKind.Aggregate) Calls.FUNCTIONS.resolve("mode", List.of(INT4)).definition().kind()).orderedSet())
                .isTrue();
        Object[][] bad = {{1.5, 1.0}};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> calls.aggregate("percentile_cont", List.of(FLOAT8, FLOAT8), bad))
                .hasMessage("percentile value 1.5 is not between 0 and 1");
    }

    @Test
    void jsonAggregates() {
        Object[][] rows = Calls.values(1, 2, 3);
        assertThat(calls.aggregate("json_agg", List.of(INT4), rows)).isEqualTo("[1, 2, 3]");
        assertThat(calls.aggregate("jsonb_agg", List.of(INT4), rows)).hasToString("[1, 2, 3]");
        Object[][] pairs = {{1, 2}, {2, 4}, {3, 6}};
        assertThat(calls.aggregate("json_object_agg", List.of(INT4, INT4), pairs)).isEqualTo("{ \"1\" : 2, \"2\" : 4, \"3\" : 6 }");
        assertThat(calls.aggregate("jsonb_object_agg", List.of(INT4, INT4), pairs)).hasToString("{\"1\": 2, \"2\": 4, \"3\": 6}");
    }
}
