package io.shale.catalog.distribution;

import io.shale.common.types.JsonValue;
import io.shale.common.types.Jsonb;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's {@code jsonb_hash}: a walk over the tokens of the value in jsonb order (object
 * keys sorted by length then bytes, each key followed by its value). Opening an array or object
 * XORs its container flag into the hash; each key, value or element rotates the hash left by one
 * bit and XORs in the scalar's hash (strings: hash_bytes, numbers: hash_numeric, null 0x01,
 * true 0x02, false 0x04). An empty top-level container hashes to 0; a top-level scalar counts as
 * a one-element array.
 */
final class JsonbHash {
    private static final int ARRAY_FLAG = 0x40000000;
    private static final int OBJECT_FLAG = 0x20000000;

    private JsonbHash() {
    }

    static int hash(Jsonb value) {
        JsonValue root = value.root();
        return switch (root) {
            case JsonValue.Array a -> a.elements().isEmpty() ? 0 : container(0, root);
            case JsonValue.Obj o -> o.members().isEmpty() ? 0 : container(0, root);
            default -> scalar(ARRAY_FLAG, root);
        };
    }

    private static int element(int hash, JsonValue v) {
        return switch (v) {
            case JsonValue.Array a -> container(hash, v);
            case JsonValue.Obj o -> container(hash, v);
            default -> scalar(hash, v);
        };
    }

    private static int container(int hash, JsonValue v) {
        int h = hash;
        if (v instanceof JsonValue.Obj o) {
            h ^= OBJECT_FLAG;
            for (JsonValue.Member m : o.members()) {
                h = scalar(h, new JsonValue.Str(m.key()));
                h = element(h, m.value());
            }
        } else if (v instanceof JsonValue.Array a) {
            h ^= ARRAY_FLAG;
            for (JsonValue e : a.elements()) {
                h = element(h, e);
            }
        }
        return h;
    }

    private static int scalar(int hash, JsonValue v) {
        int tmp = switch (v) {
            case JsonValue.Null n -> 0x01;
            case JsonValue.Bool b -> b.value() ? 0x02 : 0x04;
            case JsonValue.Number n -> NumericHash.hash(n.value());
            case JsonValue.Str s -> JenkinsHash.hashBytes(s.value().getBytes(StandardCharsets.UTF_8));
            case JsonValue.Array a -> throw new IllegalArgumentException("array is not a jsonb scalar");
            case JsonValue.Obj o -> throw new IllegalArgumentException("object is not a jsonb scalar");
        };
        return Integer.rotateLeft(hash, 1) ^ tmp;
    }
}
