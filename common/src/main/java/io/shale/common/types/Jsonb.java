package io.shale.common.types;

import java.util.List;

/**
 * A jsonb value: a parsed tree printed in PostgreSQL's canonical form (keys sorted by length
 * then bytes, duplicates last-wins, {@code {"a": 1, "b": [1, 2]}} spacing), with the accessors
 * behind the {@code ->}, {@code ->>}, {@code #>}, {@code #>>} and {@code @>} operators.
 */
public record Jsonb(JsonValue root) implements Comparable<Jsonb> {
    /** Parses jsonb text; 22P02 {@code invalid input syntax for type json} when invalid. */
    public static Jsonb parse(String text) {
        return new Jsonb(JsonParser.parse(text, "jsonb"));
    }

    /** {@code -> key}: the member of an object, or null. */
    public Jsonb field(String key) {
        return root instanceof JsonValue.Obj o ? wrap(o.get(key)) : null;
    }

    /** {@code -> index}: the element of an array (negative counts from the end), or null. */
    public Jsonb element(int index) {
        if (!(root instanceof JsonValue.Array a)) {
            return null;
        }
        int i = index < 0 ? a.elements().size() + index : index;
        return i >= 0 && i < a.elements().size() ? new Jsonb(a.elements().get(i)) : null;
    }

    /** {@code #> path}: follows keys and array indexes; null when a step is missing. */
    public Jsonb path(List<String> path) {
        Jsonb cur = this;
        for (String step : path) {
            if (cur == null) {
                return null;
            }
            cur = switch (cur.root) {
                case JsonValue.Obj o -> wrap(o.get(step));
                case JsonValue.Array a -> {
                    try {
                        yield cur.element(Integer.parseInt(step.trim()));
                    } catch (NumberFormatException e) {
                        yield null;
                    }
                }
                default -> null;
            };
        }
        return cur;
    }

    /** The text that {@code ->>} returns: strings unquoted, JSON null as SQL null. */
    public String asText() {
        return switch (root) {
            case JsonValue.Str s -> s.value();
            case JsonValue.Null n -> null;
            default -> toString();
        };
    }

    /** {@code @>}: whether this value contains {@code other}. */
    public boolean contains(Jsonb other) {
        if (root instanceof JsonValue.Array a && !(other.root instanceof JsonValue.Array)
                && !(other.root instanceof JsonValue.Obj)) {
            return a.elements().contains(other.root) || JsonText.equalScalars(a.elements(), other.root);
        }
        return JsonText.contains(root, other.root);
    }

    /** PostgreSQL's jsonb type name of the root: object, array, string, number, boolean, null. */
    public String typeName() {
        return switch (root) {
            case JsonValue.Obj o -> "object";
            case JsonValue.Array a -> "array";
            case JsonValue.Str s -> "string";
            case JsonValue.Number n -> "number";
            case JsonValue.Bool b -> "boolean";
            case JsonValue.Null n -> "null";
        };
    }

    private static Jsonb wrap(JsonValue v) {
        return v == null ? null : new Jsonb(v);
    }

    @Override
    public int compareTo(Jsonb o) {
        return JsonText.compareTopLevel(root, o.root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Jsonb j && JsonText.compare(root, j.root) == 0;
    }

    @Override
    public int hashCode() {
        return JsonText.hash(root);
    }

    /** The canonical text form. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        JsonText.write(sb, root);
        return sb.toString();
    }

    /** {@code s} as a JSON string literal, quoted and escaped as PostgreSQL's escape_json does. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        JsonText.quote(sb, s);
        return sb.toString();
    }

    /** Appends {@code s} to {@code sb} as a JSON string literal (see {@link #quote(String)}). */
    public static void quote(StringBuilder sb, String s) {
        JsonText.quote(sb, s);
    }
}
