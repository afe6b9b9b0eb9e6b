package io.shale.engine.function;

import io.shale.common.types.Jsonb;
import io.shale.common.types.ArrayValue;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON parsing and printing, jsonb key order, and conversion of SQL values to JSON trees. */
final class Json {
    /** The JSON null (SQL NULL stays Java null). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** jsonb object key order: shorter keys first, then bytewise (C collation). */
    static final Comparator<String> KEY_ORDER = Comparator.<String>comparingInt(
            k -> k.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).thenComparing(io.shale.common.types.Values::compareCodePoints);

    private Json() {
    }

    static Map<String, Object> newObject() {
        return new TreeMap<>(KEY_ORDER);
    }

    static Object parse(String text) {
        Parser p = new Parser(text);
        p.skip();
        Object v = p.value();
        p.skip();
        if (p.pos != text.length()) {
            throw p.error();
        }
        return v;
    }

    /** The text of a tree; {@code jsonb} style puts a space after ':' and ','. */
    static String print(Object v, boolean jsonb) {
        StringBuilder sb = new StringBuilder();
        print(sb, v, jsonb ? ", " : ",", jsonb ? ": " : ":");
        return sb.toString();
    }

    static void print(StringBuilder sb, Object v, String comma, String colon) {
        switch (v) {
            case String s -> quote(sb, s);
            case BigDecimal d -> sb.append(d.toPlainString());
            case Boolean b -> sb.append(b);
            case List<?> list -> {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        sb.append(comma);
                    }
                    print(sb, list.get(i), comma, colon);
                }
                sb.append(']');
            }
            case Map<?, ?> map -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        sb.append(comma);
                    }
                    first = false;
                    quote(sb, (String) e.getKey());
                    sb.append(colon);
                    print(sb, e.getValue(), comma, colon);
                }
                sb.append('}');
            }
            default -> sb.append("null");
        }
    }

    static void quote(StringBuilder sb, String s) {
        io.shale.common.types.Jsonb.quote(sb, s);
    }

    /** jsonb_pretty's layout: four-space indentation, one member per line. */
    static String pretty(Object v) {
        StringBuilder sb = new StringBuilder();
        pretty(sb, v, 0);
        return sb.toString();
    }

    private static void pretty(StringBuilder sb, Object v, int depth) {
        String indent = "    ".repeat(depth + 1);
        if (v instanceof List<?> list) {
            sb.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                sb.append(indent);
                pretty(sb, list.get(i), depth + 1);
                sb.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            sb.append("    ".repeat(depth)).append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(indent);
                quote(sb, (String) e.getKey());
                sb.append(": ");
                pretty(sb, e.getValue(), depth + 1);
                sb.append(++i < map.size() ? ",\n" : "\n");
            }
            sb.append("    ".repeat(depth)).append('}');
        } else {
            print(sb, v, ", ", ": ");
        }
    }

    /** The JSON of a SQL value (to_json / to_jsonb); {@code isJson} marks text that is already JSON. */
    static Object fromValue(Object v, boolean isJson, EvalContext c) {
        return switch (v) {
            case null -> NULL;
            case Jsonb j -> JsonbTrees.tree(j);
            case String s -> isJson ? parse(s) : s;
            case Boolean b -> b;
            case Double d when d.isNaN() || d.isInfinite() -> AnyText.format(d, c);
            case Float f when f.isNaN() || f.isInfinite() -> AnyText.format(f, c);
            case Double d -> new BigDecimal(AnyText.format(d, c));
            case Float f -> new BigDecimal(AnyText.format(f, c));
            case Number n -> Numbers.toBigDecimal(n);
            case java.time.LocalDate d -> iso(SqlType.DATE, d, c);
            case java.time.LocalDateTime t -> iso(SqlType.TIMESTAMP, t, c).replace(' ', 'T');
            case java.time.Instant i -> isoInstant(iso(SqlType.TIMESTAMPTZ, i, c));
            case ArrayValue a -> nested(a, e -> fromValue(e, false, c));
            default -> AnyText.format(v, c);
        };
    }

    /** The elements of an array as nested lists, one level per dimension. */
    static List<Object> nested(ArrayValue a, java.util.function.Function<Object, Object> element) {
        if (a.ndims() == 0) {
            return new ArrayList<>();
        }
        int[] next = {0};
        return level(a, 0, next, element);
    }

    private static List<Object> level(ArrayValue a, int dim, int[] next, java.util.function.Function<Object, Object> element) {
        List<Object> out = new ArrayList<>(a.dims()[dim]);
        for (int i = 0; i < a.dims()[dim]; i++) {
            out.add(dim + 1 < a.ndims() ? level(a, dim + 1, next, element) : element.apply(a.elements()[next[0]++]));
        }
        return out;
    }

    /** JSON prints dates and timestamps in ISO style whatever the DateStyle. */
    private static String iso(SqlType type, Object value, EvalContext c) {
        FormatSettings s = c.formatSettings();
        return TextCodec.format(type, value, new FormatSettings(s.timeZone(), FormatSettings.DateStyle.ISO,
                s.dateOrder(), s.intervalStyle(), s.extraFloatDigits(), s.byteaHex(), s.oidNames()));
    }

    private static String isoInstant(String text) {
        String t = text.replaceFirst(" ", "T");
        return t.matches(".*[+-]\\d\\d$") ? t + ":00" : t;
    }

    static String typeOf(Object v) {
        return switch (v) {
            case String s -> "string";
            case BigDecimal d -> "number";
            case Boolean b -> "boolean";
            case List<?> l -> "array";
            case Map<?, ?> m -> "object";
            default -> "null";
        };
    }

    /** The text ->> gives: strings unquoted, null as SQL NULL, others as JSON. */
    static String asText(Object v) {
        if (v == null || v == NULL) {
            return null;
        }
        return v instanceof String s ? s : print(v, true);
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        ShaleException error() {
            return new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json")
                    .withDetail(pos >= text.length() ? "The input string ended unexpectedly."
                            : "Token \"" + text.charAt(pos) + "\" is invalid.");
        }

        void skip() {
            while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        Object value() {
            if (pos >= text.length()) {
                throw error();
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{' -> {
                    pos++;
                    Map<String, Object> map = newObject();
                    skip();
                    if (peek('}')) {
                        return map;
                    }
                    do {
                        skip();
                        if (pos >= text.length() || text.charAt(pos) != '"') {
                            throw error();
                        }
                        String key = string();
                        skip();
                        expect(':');
                        skip();
                        map.put(key, value());
                        skip();
                    } while (peek(','));
                    expect('}');
                    return map;
                }
                case '[' -> {
                    pos++;
                    List<Object> list = new ArrayList<>();
                    skip();
                    if (peek(']')) {
                        return list;
                    }
                    do {
                        skip();
                        list.add(value());
                        skip();
                    } while (peek(','));
                    expect(']');
                    return list;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (text.startsWith("true", pos)) {
                        pos += 4;
                        return Boolean.TRUE;
                    }
                    if (text.startsWith("false", pos)) {
                        pos += 5;
                        return Boolean.FALSE;
                    }
                    if (text.startsWith("null", pos)) {
                        pos += 4;
                        return NULL;
                    }
                    return number();
                }
            }
        }

        private boolean peek(char c) {
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error();
            }
        }

        private String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error();
                        }
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            }
            throw error();
        }

        private BigDecimal number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return new BigDecimal(text.substring(start, pos));
            } catch (NumberFormatException e) {
                pos = start;
                throw error();
            }
        }
    }
}
