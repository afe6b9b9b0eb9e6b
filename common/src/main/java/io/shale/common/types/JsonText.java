package io.shale.common.types;

import java.util.List;

/** Printing, ordering, hashing and containment of jsonb trees. */
final class JsonText {
    private JsonText() {
    }

    static void write(StringBuilder sb, JsonValue v) {
        switch (v) {
            case JsonValue.Null n -> sb.append("null");
            case JsonValue.Bool b -> sb.append(b.value() ? "true" : "false");
            case JsonValue.Number n -> sb.append(n.value().toPlainString());
            case JsonValue.Str s -> quote(sb, s.value());
            case JsonValue.Array a -> {
                sb.append('[');
                for (int i = 0; i < a.elements().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    write(sb, a.elements().get(i));
                }
                sb.append(']');
            }
            case JsonValue.Obj o -> {
                sb.append('{');
                for (int i = 0; i < o.members().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    quote(sb, o.members().get(i).key());
                    sb.append(": ");
                    write(sb, o.members().get(i).value());
                }
                sb.append('}');
            }
        }
    }

    /** JSON string quoting as PostgreSQL's escape_json does. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static int rank(JsonValue v) {
        return switch (v) {
            case JsonValue.Null n -> 0;
            case JsonValue.Str s -> 1;
            case JsonValue.Number n -> 2;
            case JsonValue.Bool b -> 3;
            case JsonValue.Array a -> 4;
            case JsonValue.Obj o -> 5;
        };
    }

    /**
     * The order of two whole jsonb values: as {@link #compare}, except that an empty top-level
     * array sorts before everything, as PostgreSQL's jsonb comparison does.
     */
    static int compareTopLevel(JsonValue a, JsonValue b) {
        boolean ea = a instanceof JsonValue.Array x && x.elements().isEmpty();
        boolean eb = b instanceof JsonValue.Array y && y.elements().isEmpty();
        return ea || eb ? Boolean.compare(eb, ea) : compare(a, b);
    }

    /** jsonb btree order: object > array > boolean > number > string > null; sizes before content. */
    static int compare(JsonValue a, JsonValue b) {
        int c = Integer.compare(rank(a), rank(b));
        if (c != 0) {
            return c;
        }
        return switch (a) {
            case JsonValue.Null n -> 0;
            case JsonValue.Str s -> Values.compareCodePoints(s.value(), ((JsonValue.Str) b).value());
            case JsonValue.Number n -> n.value().compareTo(((JsonValue.Number) b).value());
            case JsonValue.Bool x -> Boolean.compare(x.value(), ((JsonValue.Bool) b).value());
            case JsonValue.Array x -> {
                List<JsonValue> y = ((JsonValue.Array) b).elements();
                int r = Integer.compare(x.elements().size(), y.size());
                for (int i = 0; r == 0 && i < y.size(); i++) {
                    r = compare(x.elements().get(i), y.get(i));
                }
                yield r;
            }
            case JsonValue.Obj x -> {
                List<JsonValue.Member> y = ((JsonValue.Obj) b).members();
                int r = Integer.compare(x.members().size(), y.size());
                for (int i = 0; r == 0 && i < y.size(); i++) {
                    r = JsonParser.KEY_ORDER.compare(x.members().get(i).key(), y.get(i).key());
                    if (r == 0) {
                        r = compare(x.members().get(i).value(), y.get(i).value());
                    }
                }
                yield r;
            }
        };
    }

    static int hash(JsonValue v) {
        return switch (v) {
            case JsonValue.Null n -> 0;
            case JsonValue.Str s -> s.value().hashCode();
            case JsonValue.Number n -> n.value().stripTrailingZeros().hashCode();
            case JsonValue.Bool b -> b.value() ? 1 : 2;
            case JsonValue.Array a -> {
                int h = 7;
                for (JsonValue e : a.elements()) {
                    h = h * 31 + hash(e);
                }
                yield h;
            }
            case JsonValue.Obj o -> {
                int h = 11;
                for (JsonValue.Member m : o.members()) {
                    h = (h * 31 + m.key().hashCode()) * 31 + hash(m.value());
                }
                yield h;
            }
        };
    }

    static boolean contains(JsonValue a, JsonValue b) {
        if (a instanceof JsonValue.Obj x && b instanceof JsonValue.Obj y) {
            for (JsonValue.Member m : y.members()) {
                JsonValue mine = x.get(m.key());
                if (mine == null || !contains(mine, m.value())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof JsonValue.Array x && b instanceof JsonValue.Array y) {
            for (JsonValue want : y.elements()) {
                boolean found = false;
                for (JsonValue have : x.elements()) {
                    if (!(want instanceof JsonValue.Array) && have instanceof JsonValue.Array) {
                        continue;
                    }
                    if (contains(have, want)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        return rank(a) == rank(b) && !(a instanceof JsonValue.Array) && !(a instanceof JsonValue.Obj)
                && compare(a, b) == 0;
    }

    static boolean equalScalars(List<JsonValue> elements, JsonValue scalar) {
        for (JsonValue e : elements) {
            if (rank(e) == rank(scalar) && rank(e) < 4 && compare(e, scalar) == 0) {
                return true;
            }
        }
        return false;
    }
}
