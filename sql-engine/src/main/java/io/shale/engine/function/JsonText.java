package io.shale.engine.function;

import io.shale.common.types.Jsonb;
import io.shale.common.types.ArrayValue;
import java.util.List;

/** The text of the json type (not jsonb) as PostgreSQL's json builders lay it out. */
final class JsonText {
    private JsonText() {
    }

    /** to_json: json values verbatim, arrays as {@code [1,2]}, others as JSON literals. */
    static String of(Object v, boolean isJson, EvalContext c) {
        if (v == null) {
            return "null";
        }
        if (isJson) {
            return (String) v;
        }
        if (v instanceof ArrayValue a) {
            StringBuilder sb = new StringBuilder();
            appendNested(sb, Json.nested(a, e -> of(e, false, c)));
            return sb.toString();
        }
        if (v instanceof Jsonb j) {
            return j.toString();
        }
        return Json.print(Json.fromValue(v, false, c), false);
    }

    /** Writes nested lists of already formatted element texts as {@code [[1,2],[3,4]]}. */
    private static void appendNested(StringBuilder sb, List<?> list) {
        sb.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object item = list.get(i);
            if (item instanceof List<?> inner) {
                appendNested(sb, inner);
            } else {
                sb.append((String) item);
            }
        }
        sb.append(']');
    }

    static String ofTree(Object tree) {
        return tree == null ? null : Json.print(tree, false);
    }

    static String buildObject(Object[] a, boolean[] json, EvalContext c) {
        JsonFunctions.checkPairs(a.length, "json_build_object");
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < a.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            Json.quote(sb, JsonFunctions.key(a[i], c));
            sb.append(" : ").append(of(a[i + 1], json[i + 1], c));
        }
        return sb.append('}').toString();
    }

    static String buildArray(Object[] a, boolean[] json, EvalContext c) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(of(a[i], json[i], c));
        }
        return sb.append(']').toString();
    }

    static String agg(List<String> values) {
        return "[" + String.join(", ", values) + "]";
    }
}
