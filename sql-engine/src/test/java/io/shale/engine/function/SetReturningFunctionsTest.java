package io.shale.engine.function;

import io.shale.common.types.Jsonb;
import io.shale.common.types.ArrayValue;
import io.shale.common.types.Interval;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static io.shale.common.types.SqlType.INT4;
import static io.shale.common.types.SqlType.INT8;
import static io.shale.common.types.SqlType.INTERVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class SetReturningFunctionsTest {
    private final Calls calls = new Calls();

    @Test
    void generateSeries() {
        assertThat(calls.column("generate_series", List.of(INT4, INT4), 1, 3)).containsExactly(1, 2, 3);
        assertThat(calls.column("generate_series", List.of(INT4, INT4, INT4), 5, 1, -2)).containsExactly(5, 3, 1);
        assertThat(calls.column("generate_series", List.of(INT4, INT4), 3, 1)).isEmpty();
        assertThat(calls.column("generate_series", List.of(INT8, INT8, INT8), Long.MAX_VALUE - 1, Long.MAX_VALUE, 1L))
                .containsExactly(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(calls.column("generate_series", List.of(SqlType.NUMERIC, SqlType.NUMERIC, SqlType.NUMERIC),
                new BigDecimal("0.5"), new BigDecimal("1.5"), new BigDecimal("0.5")))
                .extracting(Calls::text).containsExactly("0.5", "1.0", "1.5");
        assertThat(calls.column("generate_series", List.of(SqlType.TIMESTAMP, SqlType.TIMESTAMP, INTERVAL),
                LocalDateTime.parse("2024-01-31T00:00"), LocalDateTime.parse("2024-04-30T00:00"), new Interval(1, 0, 0)))
                .containsExactly(LocalDateTime.parse("2024-01-31T00:00"), LocalDateTime.parse("2024-02-29T00:00"),
                        LocalDateTime.parse("2024-03-29T00:00"), LocalDateTime.parse("2024-04-29T00:00"));
        calls.context.withZone("America/New_York");
        assertThat(calls.column("generate_series", List.of(SqlType.TIMESTAMPTZ, SqlType.TIMESTAMPTZ, INTERVAL),
                Instant.parse("2024-03-09T05:00:00Z"), Instant.parse("2024-03-11T05:00:00Z"), new Interval(0, 1, 0)))
                .containsExactly(Instant.parse("2024-03-09T05:00:00Z"), Instant.parse("2024-03-10T05:00:00Z"),
                        Instant.parse("2024-03-11T04:00:00Z"));
        assertThatThrownBy(() -> calls.column("generate_series", List.of(INT4, INT4, INT4), 1, 2, 0))
                .hasMessage("step size cannot equal zero");
    }

    @Test
    void unnestAndSubscripts() {
        ArrayValue a = Calls.array(TypeOids.TEXT, "x", null, "z");
        assertThat(calls.column("unnest", List.of(SqlType.of(TypeOids.TEXT_ARRAY)), a)).containsExactly("x", null, "z");
        assertThat(calls.column("generate_subscripts", List.of(SqlType.of(TypeOids.TEXT_ARRAY), INT4), a, 1))
                .containsExactly(1, 2, 3);
    }

    @Test
    void jsonSets() {
        Jsonb doc = Jsonb.parse("{\"b\": [1, 2], \"a\": \"x\"}");
        List<Object[]> each = calls.rows("jsonb_each", List.of(SqlType.JSONB), doc);
        assertThat(each).extracting(r -> r[0] + "=" + r[1]).containsExactly("a=\"x\"", "b=[1, 2]");
        Resolution r = Calls.FUNCTIONS.resolve("jsonb_each_text", List.of(SqlType.JSONB));
        assertThat(r.outputColumnNames()).containsExactly("key", "value");
        assertThat(r.outputColumnTypes()).containsExactly(SqlType.TEXT, SqlType.TEXT);
        assertThat(calls.rows("jsonb_each_text", List.of(SqlType.JSONB), doc)).extracting(x -> x[1])
                .containsExactly("x", "[1, 2]");
        assertThat(calls.column("jsonb_object_keys", List.of(SqlType.JSONB), doc)).containsExactly("a", "b");
        List<Object[]> jsonEach = calls.rows("json_each", List.of(SqlType.JSON), "{\"b\": [1,2], \"a\": \"x\"}");
        assertThat(jsonEach).extracting(x -> x[0] + "=" + x[1]).containsExactly("a=\"x\"", "b=[1,2]");
        assertThat(calls.column("string_to_table", List.of(SqlType.TEXT, SqlType.TEXT), "a,b", ","))
                .containsExactly("a", "b");
        assertThat(calls.column("jsonb_array_elements_text", List.of(SqlType.JSONB), Jsonb.parse("[1,\"a\",null]")))
                .containsExactly("1", "a", null);
    }
}
