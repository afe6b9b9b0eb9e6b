package io.shale.common.types;

import java.math.BigDecimal;
import java.util.List;

/** A node of a parsed JSON document, as jsonb holds it. */
public sealed interface JsonValue {
    /** JSON null. */
    record Null() implements JsonValue {
    }

    /** JSON true or false. */
    record Bool(boolean value) implements JsonValue {
    }

    /** A JSON number, held as numeric (scale kept, never negative). */
    record Number(BigDecimal value) implements JsonValue {
    }

    /** A JSON string. */
    record Str(String value) implements JsonValue {
    }

    /** A JSON array. */
    record Array(List<JsonValue> elements) implements JsonValue {
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /** A JSON object with unique keys in jsonb order (shorter keys first, then by bytes). */
    record Obj(List<Member> members) implements JsonValue {
        public Obj {
            members = List.copyOf(members);
        }

        /** The value of {@code key}, or Java null when absent. */
        public JsonValue get(String key) {
            for (Member m : members) {
                if (m.key().equals(key)) {
                    return m.value();
                }
            }
            return null;
        }
    }

    /** One key and value of an object. */
    record Member(String key, JsonValue value) {
    }

    JsonValue NULL = new Null();
}
