package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** json_agg, jsonb_agg, json_object_agg and jsonb_object_agg. */
final class JsonAggregates {
    private static final SqlType ELEMENT = SqlType.of(TypeOids.ANYELEMENT);
    private static final SqlType ANY = SqlType.of(TypeOids.ANY);

    private JsonAggregates() {
    }

    static void register(Registrar r) {
        r.def("json_agg", SqlType.JSON).args(ELEMENT).nonStrict().stable().aggregate((c, t) -> {
            boolean[] json = JsonFunctions.jsonFlags(t);
            List<String> values = new ArrayList<>();
            return accumulator(a -> values.add(JsonText.of(a[0], json.length > 0 && json[0], c)),
                    () -> values.isEmpty() ? null : JsonText.agg(values));
        });
        r.def("jsonb_agg", SqlType.JSONB).args(ELEMENT).nonStrict().stable().aggregate((c, t) -> {
            boolean[] json = JsonFunctions.jsonFlags(t);
            List<Object> values = new ArrayList<>();
            return accumulator(a -> values.add(Json.fromValue(a[0], json.length > 0 && json[0], c)),
                    () -> values.isEmpty() ? null : JsonbTrees.jsonb(List.copyOf(values)));
        });
        r.def("json_object_agg", SqlType.JSON).args(ANY, ANY).nonStrict().stable().aggregate((c, t) -> {
            boolean[] json = JsonFunctions.jsonFlags(t);
            StringBuilder sb = new StringBuilder();
            return accumulator(a -> {
                sb.append(sb.isEmpty() ? "{ " : ", ");
                Json.quote(sb, key(a[0], c));
                sb.append(" : ").append(JsonText.of(a[1], json.length > 1 && json[1], c));
            }, () -> sb.isEmpty() ? null : sb + " }");
        });
        r.def("jsonb_object_agg", SqlType.JSONB).args(ANY, ANY).nonStrict().stable().aggregate((c, t) -> {
            boolean[] json = JsonFunctions.jsonFlags(t);
            Map<String, Object> map = Json.newObject();
            boolean[] any = {false};
            return accumulator(a -> {
                map.put(key(a[0], c), Json.fromValue(a[1], json.length > 1 && json[1], c));
                any[0] = true;
            }, () -> any[0] ? JsonbTrees.jsonb(copy(map)) : null);
        });
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> out = Json.newObject();
        out.putAll(map);
        return out;
    }

    private static String key(Object k, EvalContext c) {
        if (k == null) {
            throw new ShaleException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "field name must not be null");
        }
        return JsonFunctions.key(k, c);
    }

    private static AggregateFunction.Accumulator accumulator(java.util.function.Consumer<Object[]> add,
                                                             java.util.function.Supplier<Object> result) {
        return new AggregateFunction.Accumulator() {
            @Override
            public void add(Object[] arguments) {
                add.accept(arguments);
            }

            @Override
            public Object result() {
                return result.get();
            }
        };
    }
}
