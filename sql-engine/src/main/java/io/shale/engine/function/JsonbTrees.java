package io.shale.engine.function;

import io.shale.common.types.JsonValue;
import io.shale.common.types.Jsonb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts between common's {@link Jsonb} and the working trees the json functions edit:
 * {@link Json#NULL}, Boolean, BigDecimal, String, List and Map (keys in jsonb order).
 */
final class JsonbTrees {
    private JsonbTrees() {
    }

    /** The working tree of a jsonb value. */
    static Object tree(Object jsonb) {
        return toTree(((Jsonb) jsonb).root());
    }

    /** The jsonb value of a working tree; Java null stays null. */
    static Jsonb jsonb(Object tree) {
        return tree == null ? null : new Jsonb(toValue(tree));
    }

    private static Object toTree(JsonValue v) {
        return switch (v) {
            case JsonValue.Null n -> Json.NULL;
            case JsonValue.Bool b -> b.value();
            case JsonValue.Number n -> n.value();
            case JsonValue.Str s -> s.value();
            case JsonValue.Array a -> {
                List<Object> out = new ArrayList<>(a.elements().size());
                for (JsonValue e : a.elements()) {
                    out.add(toTree(e));
                }
                yield out;
            }
            case JsonValue.Obj o -> {
                Map<String, Object> out = Json.newObject();
                for (JsonValue.Member m : o.members()) {
                    out.put(m.key(), toTree(m.value()));
                }
                yield out;
            }
        };
    }

    private static JsonValue toValue(Object tree) {
        return switch (tree) {
            case Boolean b -> new JsonValue.Bool(b);
            case BigDecimal d -> new JsonValue.Number(d);
            case String s -> new JsonValue.Str(s);
            case List<?> list -> {
                List<JsonValue> out = new ArrayList<>(list.size());
                for (Object e : list) {
                    out.add(toValue(e));
                }
                yield new JsonValue.Array(out);
            }
            case Map<?, ?> map -> {
                List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
                entries.sort((x, y) -> Json.KEY_ORDER.compare((String) x.getKey(), (String) y.getKey()));
                List<JsonValue.Member> out = new ArrayList<>(entries.size());
                for (Map.Entry<?, ?> e : entries) {
                    out.add(new JsonValue.Member((String) e.getKey(), toValue(e.getValue())));
                }
                yield new JsonValue.Obj(out);
            }
            default -> JsonValue.NULL;
        };
    }
}
