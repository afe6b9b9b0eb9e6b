package io.shale.engine.function;

import io.shale.common.types.Jsonb;
import io.shale.common.types.ArrayValue;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.List;

import static io.shale.common.types.SqlType.INT4;
import static io.shale.common.types.SqlType.JSON;
import static io.shale.common.types.SqlType.JSONB;
import static io.shale.common.types.SqlType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values are PostgreSQL 15's output. */
@Timeout(10)
class JsonFunctionsTest {
    private static final SqlType TEXT_ARRAY = SqlType.of(TypeOids.TEXT_ARRAY);
    private final Calls calls = new Calls();

    private static Jsonb jsonb(String text) {
        return Jsonb.parse(text);
    }

    private String op(String symbol, SqlType right, String doc, Object key) {
        return String.valueOf(calls.binary(symbol, JSONB, right, jsonb(doc), key));
    }

    @Test
    void canonicalText() {
        assertThat(jsonb("{\"b\":1,\"a\":2,\"aa\":3}")).hasToString("{\"a\": 2, \"b\": 1, \"aa\": 3}");
        assertThat(jsonb("1e3")).hasToString("1000");
        assertThat(jsonb("{\"a\":1,\"a\":2}")).hasToString("{\"a\": 2}");
        assertThat(jsonb("{\"a\":[1,2,{\"b\":null}]}")).hasToString("{\"a\": [1, 2, {\"b\": null}]}");
        assertThat(Json.pretty(Json.parse("{\"a\":[1,2],\"b\":{}}")))
                .isEqualTo("{\n    \"a\": [\n        1,\n        2\n    ],\n    \"b\": {\n    }\n}");
        assertThatThrownBy(() -> Json.parse("{\"a\":}")).hasMessage("invalid input syntax for type json");
    }

    @Test
    void operators() {
        String doc = "{\"a\":{\"b\":[1,2]}}";
        assertThat(op("->", TEXT, doc, "a")).isEqualTo("{\"b\": [1, 2]}");
        assertThat(op("#>", TEXT_ARRAY, doc, Calls.array(TypeOids.TEXT, "a", "b", "1"))).isEqualTo("2");
        assertThat(op("#>>", TEXT_ARRAY, doc, Calls.array(TypeOids.TEXT, "a", "b"))).isEqualTo("[1, 2]");
        assertThat(op("->", INT4, "[1,2,3]", -1)).isEqualTo("3");
        assertThat(op("->>", TEXT, "{\"a\":null}", "a")).isEqualTo("null");
        assertThat(calls.binary("->>", JSONB, TEXT, jsonb("{\"a\":null}"), "a")).isNull();
        assertThat(calls.binary("@>", JSONB, JSONB, jsonb("{\"a\":1,\"b\":2}"), jsonb("{\"a\":1}"))).isEqualTo(true);
        assertThat(calls.binary("@>", JSONB, JSONB, jsonb("[1,2,[3]]"), jsonb("[[3]]"))).isEqualTo(true);
        assertThat(calls.binary("@>", JSONB, JSONB, jsonb("[1,2]"), jsonb("1"))).isEqualTo(true);
        assertThat(calls.binary("?", JSONB, TEXT, jsonb("[\"a\",\"b\"]"), "a")).isEqualTo(true);
        assertThat(calls.binary("?|", JSONB, TEXT_ARRAY, jsonb("{\"a\":1}"), Calls.array(TypeOids.TEXT, "x", "a")))
                .isEqualTo(true);
        assertThat(calls.binary("?&", JSONB, TEXT_ARRAY, jsonb("{\"a\":1}"), Calls.array(TypeOids.TEXT, "x", "a")))
                .isEqualTo(false);
        assertThat(calls.binary("||", JSONB, JSONB, jsonb("{\"a\":1}"), jsonb("{\"b\":2}"))).hasToString("{\"a\": 1, \"b\": 2}");
        assertThat(calls.binary("||", JSONB, JSONB, jsonb("[1,2]"), jsonb("3"))).hasToString("[1, 2, 3]");
        assertThat(op("-", TEXT, "{\"a\":1,\"b\":2}", "a")).isEqualTo("{\"b\": 2}");
        assertThat(calls.binary("=", JSONB, JSONB, jsonb("{\"a\":1.0}"), jsonb("{\"a\":1}"))).isEqualTo(true);
        assertThat(calls.binary("->", JSON, TEXT, "{\"a\": \"x\"}", "a")).isEqualTo("\"x\"");
        assertThat(calls.binary("<", JSONB, JSONB, jsonb("\"z\""), jsonb("1"))).isEqualTo(true);
        assertThat(calls.binary(">", JSONB, JSONB, jsonb("{\"a\":1}"), jsonb("[1,2,3]"))).isEqualTo(true);
        assertThat(calls.binary("<", JSONB, JSONB, jsonb("[]"), jsonb("null"))).isEqualTo(true);
        assertThat(calls.binary("<", JSONB, JSONB, jsonb("[1]"), jsonb("[0, 0]"))).isEqualTo(true);
        assertThat(calls.binary("->>", JSON, TEXT, "{\"a\": \"x\"}", "a")).isEqualTo("x");
    }

    @Test
    void processingFunctions() {
        assertThat(calls.call("jsonb_set", List.of(JSONB, TEXT_ARRAY, JSONB), jsonb("{\"a\":[1,2]}"),
                Calls.array(TypeOids.TEXT, "a", "0"), jsonb("9"))).hasToString("{\"a\": [9, 2]}");
        assertThat(calls.call("jsonb_set", List.of(JSONB, TEXT_ARRAY, JSONB), jsonb("{\"a\":1}"),
                Calls.array(TypeOids.TEXT, "b"), jsonb("[true]"))).hasToString("{\"a\": 1, \"b\": [true]}");
        assertThat(calls.call("jsonb_strip_nulls", List.of(JSONB), jsonb("{\"a\":null,\"b\":{\"c\":null,\"d\":1}}")))
                .hasToString("{\"b\": {\"d\": 1}}");
        assertThat(calls.call("jsonb_typeof", List.of(JSONB), jsonb("1.5"))).isEqualTo("number");
        assertThat(calls.call("jsonb_array_length", List.of(JSONB), jsonb("[1,2]"))).isEqualTo(2);
        assertThatThrownBy(() -> calls.call("jsonb_array_length", List.of(JSONB), jsonb("{}")))
                .hasMessage("cannot get array length of a non-array");
        assertThat(calls.call("jsonb_extract_path_text", List.of(JSONB, TEXT, TEXT), jsonb("{\"a\":{\"b\":\"c\"}}"),
                "a", "b")).isEqualTo("c");
    }

    @Test
    void builders() {
        Object built = calls.call("jsonb_build_object", List.of(TEXT, INT4, TEXT, TEXT, TEXT, SqlType.of(TypeOids.INT4_ARRAY),
                TEXT, TEXT, TEXT, JSON), "a", 1, "b", null, "c", Calls.array(TypeOids.INT4, 1, 2), "d", "x", "e", "{\"z\": [1]}");
        assertThat(built).hasToString("{\"a\": 1, \"b\": null, \"c\": [1, 2], \"d\": \"x\", \"e\": {\"z\": [1]}}");
        assertThat(calls.call("jsonb_build_array", List.of(SqlType.NUMERIC, TEXT, SqlType.BOOL), new BigDecimal("1.50"),
                "a", false)).hasToString("[1.50, \"a\", false]");
        Object json = calls.call("json_build_object", List.of(TEXT, INT4, TEXT, SqlType.of(TypeOids.INT4_ARRAY)),
                "a", 1, "b", Calls.array(TypeOids.INT4, 1, 2));
        assertThat(json).isEqualTo("{\"a\" : 1, \"b\" : [1,2]}");
        assertThat(calls.call("json_build_array", List.of(INT4, TEXT, SqlType.BOOL), 1, "x", true)).isEqualTo("[1, \"x\", true]");
        assertThat(calls.call("to_json", List.of(TEXT), "x")).isEqualTo("\"x\"");
        assertThat(calls.call("array_to_json", List.of(SqlType.of(TypeOids.INT4_ARRAY)), Calls.array(23, 1, 2)))
                .isEqualTo("[1,2]");
        ArrayValue square = new ArrayValue(23, new int[] {2, 2}, new int[] {1, 1}, new Object[] {1, 2, 3, 4});
        assertThat(calls.call("array_to_json", List.of(SqlType.of(TypeOids.INT4_ARRAY)), square)).isEqualTo("[[1,2],[3,4]]");
        assertThat(calls.call("to_jsonb", List.of(SqlType.of(TypeOids.INT4_ARRAY)), square)).hasToString("[[1, 2], [3, 4]]");
        assertThat(calls.call("to_json", List.of(SqlType.TIMESTAMP), java.time.LocalDateTime.parse("2024-01-01T10:00")))
                .isEqualTo("\"2024-01-01T10:00:00\"");
        assertThat(calls.call("to_json", List.of(SqlType.TIMESTAMPTZ), java.time.Instant.parse("2024-01-01T10:00:00Z")))
                .isEqualTo("\"2024-01-01T10:00:00+00:00\"");
        assertThat(calls.call("to_jsonb", List.of(SqlType.FLOAT8), 1.5)).hasToString("1.5");
        assertThatThrownBy(() -> calls.call("json_build_object", List.of(TEXT), "a"))
                .hasMessage("argument list must have even number of elements");
    }
}
