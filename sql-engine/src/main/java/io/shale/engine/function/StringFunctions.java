package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** String functions (PostgreSQL documentation 9.4), character counts in code points. */
final class StringFunctions {
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType I4 = SqlType.INT4;
    private static final SqlType BOOL = SqlType.BOOL;
    private static final SqlType BYTEA = SqlType.BYTEA;
    private static final SqlType TEXT_ARRAY = SqlType.of(TypeOids.TEXT_ARRAY);

    private StringFunctions() {
    }

    static void register(Registrar r) {
        for (String name : new String[] {"length", "char_length", "character_length"}) {
            r.def(name, I4).args(TEXT).scalar((c, a) -> length((String) a[0]));
            r.def(name, I4).args(SqlType.BPCHAR).scalar((c, a) -> length(stripTrailingSpaces((String) a[0])));
        }
        r.def("length", I4).args(BYTEA).scalar((c, a) -> ((byte[]) a[0]).length);
        r.def("octet_length", I4).args(TEXT).scalar((c, a) -> utf8Length((String) a[0]));
        r.def("octet_length", I4).args(BYTEA).scalar((c, a) -> ((byte[]) a[0]).length);
        r.def("bit_length", I4).args(TEXT).scalar((c, a) -> utf8Length((String) a[0]) * 8);
        r.def("lower", TEXT).args(TEXT).scalar((c, a) -> ((String) a[0]).toLowerCase(Locale.ROOT));
        r.def("upper", TEXT).args(TEXT).scalar((c, a) -> ((String) a[0]).toUpperCase(Locale.ROOT));
        r.def("initcap", TEXT).args(TEXT).scalar((c, a) -> initcap((String) a[0]));
        for (String name : new String[] {"substr", "substring"}) {
            r.def(name, TEXT).args(TEXT, I4).scalar((c, a) -> substring((String) a[0], (int) a[1], Integer.MAX_VALUE));
            r.def(name, TEXT).args(TEXT, I4, I4).scalar((c, a) -> substring((String) a[0], (int) a[1], (int) a[2]));
            r.def(name, BYTEA).args(BYTEA, I4).scalar((c, a) -> substring((byte[]) a[0], (int) a[1], Integer.MAX_VALUE));
            r.def(name, BYTEA).args(BYTEA, I4, I4).scalar((c, a) -> substring((byte[]) a[0], (int) a[1], (int) a[2]));
        }
        r.def("position", I4).args(TEXT, TEXT).scalar((c, a) -> position((String) a[0], (String) a[1]));
        r.def("strpos", I4).args(TEXT, TEXT).scalar((c, a) -> position((String) a[0], (String) a[1]));
        r.def("replace", TEXT).args(TEXT, TEXT, TEXT).scalar((c, a) -> replace((String) a[0], (String) a[1], (String) a[2]));
        r.def("translate", TEXT).args(TEXT, TEXT, TEXT).scalar((c, a) -> translate((String) a[0], (String) a[1], (String) a[2]));
        r.def("btrim", TEXT).args(TEXT).scalar((c, a) -> trim((String) a[0], " ", true, true));
        r.def("btrim", TEXT).args(TEXT, TEXT).scalar((c, a) -> trim((String) a[0], (String) a[1], true, true));
        r.def("ltrim", TEXT).args(TEXT).scalar((c, a) -> trim((String) a[0], " ", true, false));
        r.def("ltrim", TEXT).args(TEXT, TEXT).scalar((c, a) -> trim((String) a[0], (String) a[1], true, false));
        r.def("rtrim", TEXT).args(TEXT).scalar((c, a) -> trim((String) a[0], " ", false, true));
        r.def("rtrim", TEXT).args(TEXT, TEXT).scalar((c, a) -> trim((String) a[0], (String) a[1], false, true));
        r.def("lpad", TEXT).args(TEXT, I4).scalar((c, a) -> pad((String) a[0], (int) a[1], " ", true));
        r.def("lpad", TEXT).args(TEXT, I4, TEXT).scalar((c, a) -> pad((String) a[0], (int) a[1], (String) a[2], true));
        r.def("rpad", TEXT).args(TEXT, I4).scalar((c, a) -> pad((String) a[0], (int) a[1], " ", false));
        r.def("rpad", TEXT).args(TEXT, I4, TEXT).scalar((c, a) -> pad((String) a[0], (int) a[1], (String) a[2], false));
        r.def("left", TEXT).args(TEXT, I4).scalar((c, a) -> left((String) a[0], (int) a[1]));
        r.def("right", TEXT).args(TEXT, I4).scalar((c, a) -> right((String) a[0], (int) a[1]));
        r.def("repeat", TEXT).args(TEXT, I4).scalar((c, a) -> repeat((String) a[0], (int) a[1]));
        r.def("reverse", TEXT).args(TEXT).scalar((c, a) -> new StringBuilder((String) a[0]).reverse().toString());
        r.def("starts_with", BOOL).args(TEXT, TEXT).scalar((c, a) -> ((String) a[0]).startsWith((String) a[1]));
        r.def("ascii", I4).args(TEXT).scalar((c, a) -> ((String) a[0]).isEmpty() ? 0 : ((String) a[0]).codePointAt(0));
        r.def("chr", TEXT).args(I4).scalar((c, a) -> chr((int) a[0]));
        r.def("split_part", TEXT).args(TEXT, TEXT, I4).scalar((c, a) -> splitPart((String) a[0], (String) a[1], (int) a[2]));
        r.def("string_to_array", TEXT_ARRAY).args(TEXT, TEXT).nonStrict()
                .scalar((c, a) -> a[0] == null ? null : stringToArray((String) a[0], (String) a[1], null));
        r.def("string_to_array", TEXT_ARRAY).args(TEXT, TEXT, TEXT).nonStrict()
                .scalar((c, a) -> a[0] == null ? null : stringToArray((String) a[0], (String) a[1], (String) a[2]));
        r.def("string_to_table", TEXT).args(TEXT, TEXT).nonStrict().setReturning((c, a) -> a[0] == null
                ? java.util.Collections.emptyIterator()
                : RegexFunctions.rows(java.util.Arrays.asList(stringToArray((String) a[0], (String) a[1], null).elements())));
        r.def("string_to_table", TEXT).args(TEXT, TEXT, TEXT).nonStrict().setReturning((c, a) -> a[0] == null
                ? java.util.Collections.emptyIterator()
                : RegexFunctions.rows(java.util.Arrays.asList(
                        stringToArray((String) a[0], (String) a[1], (String) a[2]).elements())));
        r.def("concat", TEXT).args(SqlType.of(TypeOids.ANY)).variadic().nonStrict().stable()
                .scalar(ScalarFunction.byArgumentTypes(t -> (c, a) -> concatWithSeparator(c, "", a, 0, t),
                        (c, a) -> concatWithSeparator(c, "", a, 0, List.of())));
        r.def("concat_ws", TEXT).args(TEXT, SqlType.of(TypeOids.ANY)).variadic().nonStrict().stable()
                .scalar(ScalarFunction.byArgumentTypes(
                        t -> (c, a) -> a[0] == null ? null : concatWithSeparator(c, (String) a[0], a, 1, t),
                        (c, a) -> a[0] == null ? null : concatWithSeparator(c, (String) a[0], a, 1, List.of())));
        r.def("overlay", TEXT).args(TEXT, TEXT, I4).scalar((c, a) ->
                overlay((String) a[0], (String) a[1], (int) a[2], length((String) a[1])));
        r.def("overlay", TEXT).args(TEXT, TEXT, I4, I4).scalar((c, a) ->
                overlay((String) a[0], (String) a[1], (int) a[2], (int) a[3]));
        r.def("like_escape", TEXT).args(TEXT, TEXT).scalar((c, a) -> likeEscape((String) a[0], (String) a[1]));
        TextFormatFunctions.register(r);
    }

    /** overlay(s PLACING replacement FROM start FOR count). */
    private static String overlay(String s, String replacement, int start, int count) {
        if (start <= 0) {
            throw new ShaleException(ErrorCode.DATA_EXCEPTION, "negative substring length not allowed");
        }
        return substring(s, 1, start - 1) + replacement + codePoints(s, (long) start - 1 + count, Long.MAX_VALUE);
    }

    /**
     * like_escape(pattern, escape): rewrites a LIKE pattern with its own ESCAPE character to the
     * default backslash form, so that {@code x LIKE p ESCAPE e} is {@code x ~~ like_escape(p, e)}.
     */
    static String likeEscape(String pattern, String escape) {
        int e = LikeMatcher.escapeOf(escape);
        StringBuilder sb = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == e && e != '\\') {
                if (++i >= pattern.length()) {
                    throw new ShaleException(ErrorCode.INVALID_ESCAPE_SEQUENCE,
                            "LIKE pattern must not end with escape character");
                }
                sb.append('\\').append(pattern.charAt(i));
            } else if (ch == '\\' && e != '\\') {
                sb.append("\\\\");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** The characters from code point index {@code from} (0-based, clamped) to {@code to} (exclusive, clamped). */
    static String codePoints(String s, long from, long to) {
        int n = length(s);
        int f = (int) Math.max(0, Math.min(from, n));
        int t = (int) Math.max(f, Math.min(to, n));
        if (n == s.length()) {
            return s.substring(f, t);
        }
        int begin = s.offsetByCodePoints(0, f);
        return s.substring(begin, s.offsetByCodePoints(begin, t - f));
    }

    static String substring(String s, int start, int count) {
        if (count < 0) {
            throw new ShaleException(ErrorCode.DATA_EXCEPTION, "negative substring length not allowed");
        }
        long from = (long) start - 1;
        long to = count == Integer.MAX_VALUE ? Long.MAX_VALUE : from + count;
        return codePoints(s, from, to);
    }

    static byte[] substring(byte[] b, int start, int count) {
        if (count < 0) {
            throw new ShaleException(ErrorCode.DATA_EXCEPTION, "negative substring length not allowed");
        }
        long from = Math.max(0, (long) start - 1);
        long to = count == Integer.MAX_VALUE ? b.length : Math.min(b.length, (long) start - 1 + count);
        return from >= to ? new byte[0] : java.util.Arrays.copyOfRange(b, (int) from, (int) to);
    }

    static int position(String s, String search) {
        int i = s.indexOf(search);
        return i < 0 ? 0 : s.codePointCount(0, i) + 1;
    }

    private static String replace(String s, String from, String to) {
        return from.isEmpty() ? s : s.replace(from, to);
    }

    private static String translate(String s, String from, String to) {
        StringBuilder sb = new StringBuilder(s.length());
        int[] f = from.codePoints().toArray();
        int[] t = to.codePoints().toArray();
        s.codePoints().forEach(cp -> {
            int i = 0;
            while (i < f.length && f[i] != cp) {
                i++;
            }
            if (i == f.length) {
                sb.appendCodePoint(cp);
            } else if (i < t.length) {
                sb.appendCodePoint(t[i]);
            }
        });
        return sb.toString();
    }

    static String trim(String s, String chars, boolean leading, boolean trailing) {
        int begin = 0;
        int end = s.length();
        while (leading && begin < end && chars.indexOf(s.codePointAt(begin)) >= 0) {
            begin += Character.charCount(s.codePointAt(begin));
        }
        while (trailing && end > begin && chars.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(begin, end);
    }

    private static String pad(String s, int length, String fill, boolean left) {
        int n = length(s);
        if (length <= n || fill.isEmpty()) {
            return codePoints(s, 0, Math.max(0, Math.min(length, n)));
        }
        StringBuilder padding = new StringBuilder();
        int[] f = fill.codePoints().toArray();
        for (int i = 0; i < length - n; i++) {
            padding.appendCodePoint(f[i % f.length]);
        }
        return left ? padding + s : s + padding;
    }

    private static String left(String s, int n) {
        int len = length(s);
        return codePoints(s, 0, n >= 0 ? n : len + n);
    }

    private static String right(String s, int n) {
        int len = length(s);
        return codePoints(s, n >= 0 ? len - n : -n, len);
    }

    private static String repeat(String s, int n) {
        if (n <= 0) {
            return "";
        }
        if ((long) s.length() * n > 1_073_741_823L) {
            throw new ShaleException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
        return s.repeat(n);
    }

    private static String initcap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            sb.appendCodePoint(inWord ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
            inWord = Character.isLetterOrDigit(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static String chr(int code) {
        if (code == 0) {
            throw new ShaleException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (code < 0) {
            throw new ShaleException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "character number must be positive");
        }
        if (code > Character.MAX_CODE_POINT || code >= 0xD800 && code <= 0xDFFF) {
            throw new ShaleException(ErrorCode.PROGRAM_LIMIT_EXCEEDED,
                    "requested character too large for encoding: " + code);
        }
        return Character.toString(code);
    }

    private static String splitPart(String s, String delimiter, int field) {
        if (field == 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        if (s.isEmpty()) {
            return "";
        }
        List<Object> parts = split(s, delimiter);
        int index = field > 0 ? field - 1 : parts.size() + field;
        return index >= 0 && index < parts.size() ? (String) parts.get(index) : "";
    }

    /** The pieces of {@code s} between occurrences of a non-empty delimiter (the whole string for an empty one). */
    private static List<Object> split(String s, String delimiter) {
        List<Object> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            parts.add(s);
            return parts;
        }
        int from = 0;
        for (int i = s.indexOf(delimiter); i >= 0; i = s.indexOf(delimiter, from)) {
            parts.add(s.substring(from, i));
            from = i + delimiter.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    static ArrayValue stringToArray(String s, String delimiter, String nullString) {
        List<Object> parts = new ArrayList<>();
        if (!s.isEmpty()) {
            if (delimiter == null) {
                s.codePoints().forEach(cp -> parts.add(Character.toString(cp)));
            } else {
                parts.addAll(split(s, delimiter));
            }
        }
        if (nullString != null) {
            parts.replaceAll(p -> nullString.equals(p) ? null : p);
        }
        return ArrayValue.of(TypeOids.TEXT, parts.toArray());
    }

    private static String concatWithSeparator(EvalContext c, String separator, Object[] a, int first,
                                              List<SqlType> types) {
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (int i = first; i < a.length; i++) {
            if (a[i] != null) {
                if (any) {
                    sb.append(separator);
                }
                sb.append(AnyText.format(a[i], i < types.size() ? types.get(i) : null, c));
                any = true;
            }
        }
        return sb.toString();
    }
}
