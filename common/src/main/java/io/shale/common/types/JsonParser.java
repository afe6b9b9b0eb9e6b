package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** A strict RFC 8259 parser producing jsonb trees (keys sorted, duplicates last-wins). */
final class JsonParser {
    /** jsonb's key order: shorter UTF-8 length first, then bytewise. */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
    };

    private final String s;
    private final String typeName;
    private int pos;

    private JsonParser(String s, String typeName) {
        this.s = s;
        this.typeName = typeName;
    }

    static JsonValue parse(String text, String typeName) {
        JsonParser p = new JsonParser(text, typeName);
        p.skipWs();
        JsonValue v = p.value(0);
        p.skipWs();
        if (p.pos != text.length()) {
            throw p.error();
        }
        return v;
    }

    private ShaleException error() {
        return new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json");
    }

    private void skipWs() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonValue value(int depth) {
        if (pos >= s.length() || depth > 6400) {
            throw error();
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new JsonValue.Str(string());
            case 't' -> literal("true", new JsonValue.Bool(true));
            case 'f' -> literal("false", new JsonValue.Bool(false));
            case 'n' -> literal("null", JsonValue.NULL);
            default -> number();
        };
    }

    private JsonValue literal(String word, JsonValue v) {
        if (!s.startsWith(word, pos)) {
            throw error();
        }
        pos += word.length();
        return v;
    }

    private JsonValue object(int depth) {
        pos++;
        List<JsonValue.Member> members = new ArrayList<>();
        skipWs();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return new JsonValue.Obj(members);
        }
        while (true) {
            skipWs();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw error();
            }
            String key = string();
            skipWs();
            expect(':');
            skipWs();
            members.add(new JsonValue.Member(key, value(depth + 1)));
            skipWs();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect('}');
            return new JsonValue.Obj(canonical(members));
        }
    }

    private static List<JsonValue.Member> canonical(List<JsonValue.Member> members) {
        List<JsonValue.Member> sorted = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            JsonValue.Member m = members.get(i);
            boolean overridden = false;
            for (int j = i + 1; j < members.size() && !overridden; j++) {
                overridden = members.get(j).key().equals(m.key());
            }
            if (!overridden) {
                sorted.add(m);
            }
        }
        sorted.sort((a, b) -> KEY_ORDER.compare(a.key(), b.key()));
        return sorted;
    }

    private JsonValue array(int depth) {
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipWs();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return new JsonValue.Array(elements);
        }
        while (true) {
            skipWs();
            elements.add(value(depth + 1));
            skipWs();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect(']');
            return new JsonValue.Array(elements);
        }
    }

    private void expect(char c) {
        if (pos >= s.length() || s.charAt(pos) != c) {
            throw error();
        }
        pos++;
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error();
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw error();
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error();
                    }
                    int cp;
                    try {
                        cp = Integer.parseInt(s.substring(pos, pos + 4), 16);
                    } catch (NumberFormatException ex) {
                        throw error();
                    }
                    if (cp == 0 && typeName.equals("jsonb")) {
                        throw new ShaleException(ErrorCode.UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence")
                                .withDetail("\\u0000 cannot be converted to text.");
                    }
                    sb.append((char) cp);
                    pos += 4;
                }
                default -> throw error();
            }
        }
    }

    private JsonValue number() {
        int start = pos;
        if (pos < s.length() && s.charAt(pos) == '-') {
            pos++;
        }
        int intStart = pos;
        digits();
        if (pos == intStart || (s.charAt(intStart) == '0' && pos - intStart > 1)) {
            throw error();
        }
        if (pos < s.length() && s.charAt(pos) == '.') {
            pos++;
            int f = pos;
            digits();
            if (pos == f) {
                throw error();
            }
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            int f = pos;
            digits();
            if (pos == f) {
                throw error();
            }
        }
        BigDecimal d = new BigDecimal(s.substring(start, pos));
        return new JsonValue.Number(d.scale() < 0 ? d.setScale(0) : d);
    }

    private void digits() {
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
    }
}
