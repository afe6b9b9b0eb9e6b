package io.shale.engine.function;

import io.shale.common.types.Jsonb;
import io.shale.common.types.ArrayValue;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON creation and processing functions and aggregates (PostgreSQL documentation 9.16). */
final class JsonFunctions {
    private static final SqlType JSON = SqlType.JSON;
    private static final SqlType JSONB = SqlType.JSONB;
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType ANY = SqlType.of(TypeOids.ANY);
    private static final SqlType RECORD = SqlType.of(TypeOids.RECORD);
    private static final SqlType ELEMENT = SqlType.of(TypeOids.ANYELEMENT);

    private JsonFunctions() {
    }

    static void register(Registrar r) {
        r.def("to_json", JSON).args(ELEMENT).stable().scalar(typed((c, a, json) -> JsonText.of(a[0], json[0], c)));
        r.def("to_jsonb", JSONB).args(ELEMENT).stable().scalar(typed((c, a, json) ->
                JsonbTrees.jsonb(Json.fromValue(a[0], json[0], c))));
        r.def("json_build_object", JSON).args(ANY).variadic().nonStrict().stable()
                .scalar(typed((c, a, json) -> JsonText.buildObject(a, json, c)));
        r.def("json_build_object", JSON).nonStrict().scalar((c, a) -> "{}");
        r.def("jsonb_build_object", JSONB).args(ANY).variadic().nonStrict().stable()
                .scalar(typed((c, a, json) -> JsonbTrees.jsonb(buildObject(a, json, c))));
        r.def("jsonb_build_object", JSONB).nonStrict().scalar((c, a) -> JsonbTrees.jsonb(Json.newObject()));
        r.def("json_build_array", JSON).args(ANY).variadic().nonStrict().stable()
                .scalar(typed((c, a, json) -> JsonText.buildArray(a, json, c)));
        r.def("json_build_array", JSON).nonStrict().scalar((c, a) -> "[]");
        r.def("jsonb_build_array", JSONB).args(ANY).variadic().nonStrict().stable().scalar(typed((c, a, json) -> {
            List<Object> out = new ArrayList<>(a.length);
            for (int i = 0; i < a.length; i++) {
                out.add(Json.fromValue(a[i], json[i], c));
            }
            return JsonbTrees.jsonb(out);
        }));
        r.def("jsonb_build_array", JSONB).nonStrict().scalar((c, a) -> JsonbTrees.jsonb(List.of()));
        r.def("array_to_json", JSON).args(SqlType.of(TypeOids.ANYARRAY)).stable()
                .scalar((c, a) -> JsonText.of(a[0], false, c));
        r.def("jsonb_pretty", TEXT).args(JSONB).scalar((c, a) -> Json.pretty(tree(a[0])));
        r.def("jsonb_typeof", TEXT).args(JSONB).scalar((c, a) -> Json.typeOf(tree(a[0])));
        r.def("json_typeof", TEXT).args(JSON).scalar((c, a) -> Json.typeOf(Json.parse((String) a[0])));
        r.def("jsonb_array_length", SqlType.INT4).args(JSONB).scalar((c, a) -> arrayLength(tree(a[0])));
        r.def("json_array_length", SqlType.INT4).args(JSON).scalar((c, a) -> arrayLength(Json.parse((String) a[0])));
        r.def("jsonb_extract_path", JSONB).args(JSONB, TEXT).variadic().scalar((c, a) ->
                wrap(JsonTrees.path(tree(a[0]), rest(a))));
        r.def("jsonb_extract_path_text", TEXT).args(JSONB, TEXT).variadic().scalar((c, a) ->
                Json.asText(JsonTrees.path(tree(a[0]), rest(a))));
        r.def("json_extract_path", JSON).args(JSON, TEXT).variadic().scalar((c, a) ->
                JsonText.ofTree(JsonTrees.path(Json.parse((String) a[0]), rest(a))));
        r.def("json_extract_path_text", TEXT).args(JSON, TEXT).variadic().scalar((c, a) ->
                Json.asText(JsonTrees.path(Json.parse((String) a[0]), rest(a))));
        r.def("jsonb_each", RECORD).args(JSONB).setReturning((c, a) -> each(tree(a[0]), false, "jsonb_each"),
                List.of("key", "value"), List.of(TEXT, JSONB));
        r.def("jsonb_each_text", RECORD).args(JSONB).setReturning((c, a) -> each(tree(a[0]), true, "jsonb_each_text"),
                List.of("key", "value"), List.of(TEXT, TEXT));
        r.def("jsonb_object_keys", TEXT).args(JSONB).setReturning((c, a) -> keys(tree(a[0])));
        r.def("jsonb_array_elements", JSONB).args(JSONB).setReturning((c, a) -> elements(tree(a[0]), false),
                List.of("value"), List.of(JSONB));
        r.def("jsonb_array_elements_text", TEXT).args(JSONB).setReturning((c, a) -> elements(tree(a[0]), true),
                List.of("value"), List.of(TEXT));
        r.def("json_array_elements", JSON).args(JSON).setReturning((c, a) -> jsonElements((String) a[0]),
                List.of("value"), List.of(JSON));
        r.def("json_each", RECORD).args(JSON).setReturning((c, a) -> jsonEach(Json.parse((String) a[0]), false),
                List.of("key", "value"), List.of(TEXT, JSON));
        r.def("json_each_text", RECORD).args(JSON).setReturning((c, a) -> jsonEach(Json.parse((String) a[0]), true),
                List.of("key", "value"), List.of(TEXT, TEXT));
        r.def("json_object_keys", TEXT).args(JSON).setReturning((c, a) -> keys(Json.parse((String) a[0])));
        r.def("json_array_elements_text", TEXT).args(JSON).setReturning((c, a) ->
                elements(Json.parse((String) a[0]), true), List.of("value"), List.of(TEXT));
        r.def("json_strip_nulls", JSON).args(JSON).scalar((c, a) ->
                JsonText.ofTree(JsonTrees.stripNulls(Json.parse((String) a[0]))));
        r.def("jsonb_set", JSONB).args(JSONB, SqlType.of(TypeOids.TEXT_ARRAY), JSONB).scalar((c, a) ->
                JsonbTrees.jsonb(JsonTrees.set(tree(a[0]), ((ArrayValue) a[1]).elements(), 0, tree(a[2]), true)));
        r.def("jsonb_set", JSONB).args(JSONB, SqlType.of(TypeOids.TEXT_ARRAY), JSONB, SqlType.BOOL).scalar((c, a) ->
                JsonbTrees.jsonb(JsonTrees.set(tree(a[0]), ((ArrayValue) a[1]).elements(), 0, tree(a[2]), (boolean) a[3])));
        r.def("jsonb_strip_nulls", JSONB).args(JSONB).scalar((c, a) -> JsonbTrees.jsonb(JsonTrees.stripNulls(tree(a[0]))));
        JsonAggregates.register(r);
    }

    /** A body given, per argument, whether it is of type json. */
    @FunctionalInterface
    interface TypedBody {
        Object apply(EvalContext c, Object[] a, boolean[] json);
    }

    static ScalarFunction typed(TypedBody body) {
        return ScalarFunction.byArgumentTypes(types -> {
            boolean[] json = jsonFlags(types);
            return (c, a) -> body.apply(c, a, json.length >= a.length ? json : new boolean[a.length]);
        }, (c, a) -> body.apply(c, a, new boolean[a.length]));
    }

    static boolean[] jsonFlags(List<SqlType> types) {
        boolean[] json = new boolean[types.size()];
        for (int i = 0; i < json.length; i++) {
            json[i] = types.get(i).oid() == TypeOids.JSON;
        }
        return json;
    }

    static Object tree(Object jsonb) {
        return JsonbTrees.tree(jsonb);
    }

    static Jsonb wrap(Object tree) {
        return tree == null ? null : JsonbTrees.jsonb(tree);
    }

    private static Object[] rest(Object[] a) {
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    static Map<String, Object> buildObject(Object[] a, boolean[] json, EvalContext c) {
        checkPairs(a.length, "json_build_object");
        Map<String, Object> out = Json.newObject();
        for (int i = 0; i < a.length; i += 2) {
            out.put(key(a[i], c), Json.fromValue(a[i + 1], json[i + 1], c));
        }
        return out;
    }

    static void checkPairs(int n, String function) {
        if (n % 2 != 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "argument list must have even number of elements")
                    .withHint("The arguments of " + function + "() must consist of alternating keys and values.");
        }
    }

    static String key(Object k, EvalContext c) {
        if (k == null) {
            throw new ShaleException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "null value not allowed for object key");
        }
        return k instanceof Jsonb j ? j.toString() : AnyText.format(k, c);
    }

    private static int arrayLength(Object tree) {
        if (tree instanceof List<?> l) {
            return l.size();
        }
        throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, tree instanceof Map<?, ?>
                ? "cannot get array length of a non-array" : "cannot get array length of a scalar");
    }

    private static Iterator<Object[]> each(Object tree, boolean asText, String function) {
        if (!(tree instanceof Map<?, ?> m)) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot call " + function + " on a non-object");
        }
        List<Object[]> rows = new ArrayList<>(m.size());
        m.forEach((k, v) -> rows.add(new Object[] {k, asText ? Json.asText(v) : JsonbTrees.jsonb(v)}));
        return rows.iterator();
    }

    private static Iterator<Object[]> jsonEach(Object tree, boolean asText) {
        if (!(tree instanceof Map<?, ?> m)) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "cannot call " + (asText ? "json_each_text" : "json_each") + " on a non-object");
        }
        List<Object[]> rows = new ArrayList<>(m.size());
        m.forEach((k, v) -> rows.add(new Object[] {k, asText ? Json.asText(v) : JsonText.ofTree(v)}));
        return rows.iterator();
    }

    private static Iterator<Object[]> keys(Object tree) {
        if (!(tree instanceof Map<?, ?> m)) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot call jsonb_object_keys on "
                    + (tree instanceof List<?> ? "an array" : "a scalar"));
        }
        List<Object[]> rows = new ArrayList<>(m.size());
        m.keySet().forEach(k -> rows.add(new Object[] {k}));
        return rows.iterator();
    }

    private static Iterator<Object[]> elements(Object tree, boolean asText) {
        if (!(tree instanceof List<?> l)) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot extract elements from "
                    + (tree instanceof Map<?, ?> ? "an object" : "a scalar"));
        }
        List<Object[]> rows = new ArrayList<>(l.size());
        for (Object v : l) {
            rows.add(new Object[] {asText ? Json.asText(v) : JsonbTrees.jsonb(v)});
        }
        return rows.iterator();
    }

    private static Iterator<Object[]> jsonElements(String text) {
        Object tree = Json.parse(text);
        if (!(tree instanceof List<?> l)) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot extract elements from "
                    + (tree instanceof Map<?, ?> ? "an object" : "a scalar"));
        }
        List<Object[]> rows = new ArrayList<>(l.size());
        for (Object v : l) {
            rows.add(new Object[] {JsonText.ofTree(v)});
        }
        return rows.iterator();
    }
}
