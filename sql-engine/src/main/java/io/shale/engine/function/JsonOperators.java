package io.shale.engine.function;

import io.shale.common.types.Jsonb;
import io.shale.common.types.ArrayValue;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

/** -> ->> #> #>> @> <@ ? ?| ?& || - = <> on jsonb, and -> ->> #> #>> on json. */
final class JsonOperators {
    private static final SqlType JSON = SqlType.JSON;
    private static final SqlType JSONB = SqlType.JSONB;
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType BOOL = SqlType.BOOL;
    private static final SqlType TEXT_ARRAY = SqlType.of(TypeOids.TEXT_ARRAY);

    private JsonOperators() {
    }

    static void register(OperatorRegistrar r) {
        r.binary("->", JSONB, TEXT, JSONB, (c, a) -> ((Jsonb) a[0]).field((String) a[1]));
        r.binary("->", JSONB, I4, JSONB, (c, a) -> ((Jsonb) a[0]).element((int) a[1]));
        r.binary("->>", JSONB, TEXT, TEXT, (c, a) -> asText(((Jsonb) a[0]).field((String) a[1])));
        r.binary("->>", JSONB, I4, TEXT, (c, a) -> asText(((Jsonb) a[0]).element((int) a[1])));
        r.binary("#>", JSONB, TEXT_ARRAY, JSONB, (c, a) -> jsonbPath(a[0], a[1]));
        r.binary("#>>", JSONB, TEXT_ARRAY, TEXT, (c, a) -> asText(jsonbPath(a[0], a[1])));
        r.binary("->", JSON, TEXT, JSON, (c, a) -> JsonText.ofTree(JsonTrees.field(parse(a[0]), (String) a[1])));
        r.binary("->", JSON, I4, JSON, (c, a) -> JsonText.ofTree(JsonTrees.element(parse(a[0]), (int) a[1])));
        r.binary("->>", JSON, TEXT, TEXT, (c, a) -> Json.asText(JsonTrees.field(parse(a[0]), (String) a[1])));
        r.binary("->>", JSON, I4, TEXT, (c, a) -> Json.asText(JsonTrees.element(parse(a[0]), (int) a[1])));
        r.binary("#>", JSON, TEXT_ARRAY, JSON, (c, a) -> JsonText.ofTree(JsonTrees.path(parse(a[0]), path(a[1]))));
        r.binary("#>>", JSON, TEXT_ARRAY, TEXT, (c, a) -> Json.asText(JsonTrees.path(parse(a[0]), path(a[1]))));
        r.binary("@>", JSONB, JSONB, BOOL, (c, a) -> JsonTrees.contains(tree(a[0]), tree(a[1]), true));
        r.binary("<@", JSONB, JSONB, BOOL, (c, a) -> JsonTrees.contains(tree(a[1]), tree(a[0]), true));
        r.binary("?", JSONB, TEXT, BOOL, (c, a) -> JsonTrees.exists(tree(a[0]), (String) a[1]));
        r.binary("?|", JSONB, TEXT_ARRAY, BOOL, (c, a) -> existsAny(tree(a[0]), path(a[1]), true));
        r.binary("?&", JSONB, TEXT_ARRAY, BOOL, (c, a) -> existsAny(tree(a[0]), path(a[1]), false));
        r.binary("||", JSONB, JSONB, JSONB, (c, a) -> JsonbTrees.jsonb(JsonTrees.concat(tree(a[0]), tree(a[1]))));
        r.binary("-", JSONB, TEXT, JSONB, (c, a) -> JsonbTrees.jsonb(JsonTrees.deleteKey(tree(a[0]), (String) a[1])));
        r.binary("-", JSONB, I4, JSONB, (c, a) -> JsonbTrees.jsonb(JsonTrees.deleteIndex(tree(a[0]), (int) a[1])));
        r.binary("-", JSONB, TEXT_ARRAY, JSONB, (c, a) -> {
            Object t = tree(a[0]);
            for (Object k : path(a[1])) {
                if (k != null) {
                    t = JsonTrees.deleteKey(t, (String) k);
                }
            }
            return JsonbTrees.jsonb(t);
        });
        r.binary("=", JSONB, JSONB, BOOL, (c, a) -> ((Jsonb) a[0]).compareTo((Jsonb) a[1]) == 0);
        r.binary("<>", JSONB, JSONB, BOOL, (c, a) -> ((Jsonb) a[0]).compareTo((Jsonb) a[1]) != 0);
        r.binary("<", JSONB, JSONB, BOOL, (c, a) -> ((Jsonb) a[0]).compareTo((Jsonb) a[1]) < 0);
        r.binary("<=", JSONB, JSONB, BOOL, (c, a) -> ((Jsonb) a[0]).compareTo((Jsonb) a[1]) <= 0);
        r.binary(">", JSONB, JSONB, BOOL, (c, a) -> ((Jsonb) a[0]).compareTo((Jsonb) a[1]) > 0);
        r.binary(">=", JSONB, JSONB, BOOL, (c, a) -> ((Jsonb) a[0]).compareTo((Jsonb) a[1]) >= 0);
    }

    private static Object tree(Object v) {
        return JsonbTrees.tree(v);
    }

    private static String asText(Jsonb v) {
        return v == null ? null : v.asText();
    }

    /** {@code #>}: null when the path has a null step or leads nowhere. */
    private static Jsonb jsonbPath(Object jsonb, Object array) {
        java.util.List<String> steps = new java.util.ArrayList<>();
        for (Object step : path(array)) {
            if (step == null) {
                return null;
            }
            steps.add((String) step);
        }
        return ((Jsonb) jsonb).path(steps);
    }

    private static Object parse(Object json) {
        return Json.parse((String) json);
    }

    private static Object[] path(Object array) {
        return ((ArrayValue) array).elements();
    }

    private static boolean existsAny(Object tree, Object[] keys, boolean any) {
        for (Object k : keys) {
            if (k == null) {
                continue;
            }
            boolean found = JsonTrees.exists(tree, (String) k);
            if (found == any) {
                return any;
            }
        }
        return !any;
    }
}
