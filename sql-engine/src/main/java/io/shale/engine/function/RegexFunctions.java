package io.shale.engine.function;

import io.shale.common.types.ArrayValue;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular-expression functions (regexp_replace, regexp_match(es), regexp_split_to_*, substring
 * with a pattern) and SIMILAR TO's translation. Each registry owns its pattern cache.
 */
final class RegexFunctions {
    private static final SqlType TEXT = SqlType.TEXT;
    private static final SqlType TEXT_ARRAY = SqlType.of(TypeOids.TEXT_ARRAY);

    private RegexFunctions() {
    }

    static void register(Registrar r) {
        RegexCache cache = new RegexCache();
        r.def("regexp_replace", TEXT).args(TEXT, TEXT, TEXT)
                .scalar((c, a) -> replace(cache, (String) a[0], (String) a[1], (String) a[2], ""));
        r.def("regexp_replace", TEXT).args(TEXT, TEXT, TEXT, TEXT)
                .scalar((c, a) -> replace(cache, (String) a[0], (String) a[1], (String) a[2], (String) a[3]));
        r.def("regexp_match", TEXT_ARRAY).args(TEXT, TEXT).scalar((c, a) -> match(cache, (String) a[0], (String) a[1], ""));
        r.def("regexp_match", TEXT_ARRAY).args(TEXT, TEXT, TEXT)
                .scalar((c, a) -> match(cache, (String) a[0], (String) a[1], noGlobal((String) a[2], "regexp_match()")));
        r.def("regexp_matches", TEXT_ARRAY).args(TEXT, TEXT)
                .setReturning((c, a) -> matches(cache, (String) a[0], (String) a[1], ""));
        r.def("regexp_matches", TEXT_ARRAY).args(TEXT, TEXT, TEXT)
                .setReturning((c, a) -> matches(cache, (String) a[0], (String) a[1], (String) a[2]));
        r.def("regexp_split_to_array", TEXT_ARRAY).args(TEXT, TEXT).scalar((c, a) -> ArrayValue.of(TypeOids.TEXT,
                split(cache, (String) a[0], (String) a[1], "").toArray()));
        r.def("regexp_split_to_array", TEXT_ARRAY).args(TEXT, TEXT, TEXT).scalar((c, a) -> ArrayValue.of(TypeOids.TEXT,
                split(cache, (String) a[0], (String) a[1], noGlobal((String) a[2], "regexp_split_to_array()")).toArray()));
        r.def("regexp_split_to_table", TEXT).args(TEXT, TEXT)
                .setReturning((c, a) -> rows(split(cache, (String) a[0], (String) a[1], "")));
        r.def("regexp_split_to_table", TEXT).args(TEXT, TEXT, TEXT).setReturning((c, a) -> rows(
                split(cache, (String) a[0], (String) a[1], noGlobal((String) a[2], "regexp_split_to_table()"))));
        r.def("substring", TEXT).args(TEXT, TEXT).scalar((c, a) -> substring(cache, (String) a[0], (String) a[1]));
        r.def("substring", TEXT).args(TEXT, TEXT, TEXT)
                .scalar((c, a) -> similarSubstring(cache, (String) a[0], (String) a[1], (String) a[2]));
        r.def("regexp_like", SqlType.BOOL).args(TEXT, TEXT)
                .scalar((c, a) -> cache.compile((String) a[1], "").matcher((String) a[0]).find());
        r.def("regexp_count", SqlType.INT4).args(TEXT, TEXT).scalar((c, a) -> {
            Matcher m = cache.compile((String) a[1], "").matcher((String) a[0]);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        });
        r.def("regexp_substr", TEXT).args(TEXT, TEXT).scalar((c, a) -> {
            Matcher m = cache.compile((String) a[1], "").matcher((String) a[0]);
            return m.find() ? m.group() : null;
        });
        r.def("regexp_instr", SqlType.INT4).args(TEXT, TEXT).scalar((c, a) -> {
            String s = (String) a[0];
            Matcher m = cache.compile((String) a[1], "").matcher(s);
            return m.find() ? s.codePointCount(0, m.start()) + 1 : 0;
        });
        r.def("similar_to_escape", TEXT).args(TEXT).scalar((c, a) -> similarToRegex((String) a[0], "\\"));
        r.def("similar_to_escape", TEXT).args(TEXT, TEXT).scalar((c, a) -> similarToRegex((String) a[0], (String) a[1]));
    }

    private static String noGlobal(String flags, String function) {
        if (flags.indexOf('g') >= 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                    function + " does not support the \"global\" option")
                    .withHint(function.startsWith("regexp_match(") ? "Use the regexp_matches function instead." : null);
        }
        return flags;
    }

    static String replace(RegexCache cache, String source, String pattern, String replacement, String flags) {
        Matcher m = cache.compile(pattern, flags).matcher(source);
        boolean global = flags.indexOf('g') >= 0;
        StringBuilder sb = new StringBuilder(source.length());
        int length = source.length();
        int last = 0;
        int from = 0;
        while (from <= length && m.find(from)) {
            sb.append(source, last, m.start());
            appendReplacement(sb, m, replacement);
            last = m.end();
            if (!global) {
                break;
            }
            if (m.end() == m.start()) {
                if (m.end() < length) {
                    sb.append(source.charAt(m.end()));
                }
                last = m.end() + 1;
                from = m.end() + 1;
            } else {
                from = m.end();
            }
        }
        if (last < length) {
            sb.append(source, last, length);
        }
        return sb.toString();
    }

    private static void appendReplacement(StringBuilder sb, Matcher m, String replacement) {
        for (int i = 0; i < replacement.length(); i++) {
            char ch = replacement.charAt(i);
            if (ch == '\\' && i + 1 < replacement.length()) {
                char n = replacement.charAt(i + 1);
                if (n >= '1' && n <= '9') {
                    int g = n - '0';
                    if (g <= m.groupCount() && m.group(g) != null) {
                        sb.append(m.group(g));
                    }
                    i++;
                    continue;
                }
                if (n == '&') {
                    sb.append(m.group());
                    i++;
                    continue;
                }
                if (n == '\\') {
                    sb.append('\\');
                    i++;
                    continue;
                }
            }
            sb.append(ch);
        }
    }

    private static ArrayValue groups(Matcher m) {
        if (m.groupCount() == 0) {
            return ArrayValue.of(TypeOids.TEXT, new Object[] {m.group()});
        }
        Object[] g = new Object[m.groupCount()];
        for (int i = 0; i < g.length; i++) {
            g[i] = m.group(i + 1);
        }
        return ArrayValue.of(TypeOids.TEXT, g);
    }

    private static ArrayValue match(RegexCache cache, String s, String pattern, String flags) {
        Matcher m = cache.compile(pattern, flags).matcher(s);
        return m.find() ? groups(m) : null;
    }

    private static Iterator<Object[]> matches(RegexCache cache, String s, String pattern, String flags) {
        Matcher m = cache.compile(pattern, flags).matcher(s);
        boolean global = flags.indexOf('g') >= 0;
        List<Object[]> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Object[] {groups(m)});
            if (!global) {
                break;
            }
        }
        return out.iterator();
    }

    static List<Object> split(RegexCache cache, String s, String pattern, String flags) {
        Matcher m = cache.compile(pattern, flags).matcher(s);
        List<Object> parts = new ArrayList<>();
        int pieceStart = 0;
        int searchFrom = 0;
        while (searchFrom <= s.length() && m.find(searchFrom)) {
            if (m.start() == m.end() && (m.start() == pieceStart || m.start() >= s.length())) {
                searchFrom = m.start() + 1;
                continue;
            }
            parts.add(s.substring(pieceStart, m.start()));
            pieceStart = m.end();
            searchFrom = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        parts.add(s.substring(pieceStart));
        return parts;
    }

    static Iterator<Object[]> rows(List<Object> values) {
        List<Object[]> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(new Object[] {v});
        }
        return out.iterator();
    }

    private static String substring(RegexCache cache, String s, String pattern) {
        Matcher m = cache.compile(pattern, "").matcher(s);
        if (!m.find()) {
            return null;
        }
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }

    /** substring(s SIMILAR pattern ESCAPE e): the part between the escape-double-quote markers. */
    private static String similarSubstring(RegexCache cache, String s, String pattern, String escape) {
        String marker = escape + "\"";
        int first = escape.isEmpty() ? -1 : pattern.indexOf(marker);
        String regex;
        if (first < 0) {
            regex = similarToRegex(pattern, escape);
            return cache.compile(regex, "").matcher(s).matches() ? s : null;
        }
        int second = pattern.indexOf(marker, first + marker.length());
        if (second < 0) {
            throw new ShaleException(ErrorCode.DATA_EXCEPTION,
                    "SQL regular expression may not contain more than two escape-double-quote separators");
        }
        String head = body(similarToRegex(pattern.substring(0, first), escape));
        String middle = body(similarToRegex(pattern.substring(first + marker.length(), second), escape));
        String tail = body(similarToRegex(pattern.substring(second + marker.length()), escape));
        Pattern p = cache.compile("^(?:" + head + ")(" + middle + ")(?:" + tail + ")$", "");
        Matcher m = p.matcher(s);
        return m.matches() ? m.group(1) : null;
    }

    private static String body(String anchored) {
        return anchored.substring(4, anchored.length() - 2);
    }

    /** Translates a SQL SIMILAR TO pattern to an anchored POSIX regular expression (similar_to_escape). */
    static String similarToRegex(String pattern, String escape) {
        if (escape.length() > 1) {
            throw new ShaleException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        int esc = escape.isEmpty() ? -1 : escape.charAt(0);
        StringBuilder sb = new StringBuilder("^(?:");
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == esc && i + 1 < pattern.length()) {
                char n = pattern.charAt(++i);
                if (Character.isLetterOrDigit(n)) {
                    sb.append(n);
                } else {
                    sb.append('\\').append(n);
                }
                continue;
            }
            if (inClass) {
                if (ch == ']') {
                    inClass = false;
                }
                sb.append(ch == '\\' ? "\\\\" : String.valueOf(ch));
                continue;
            }
            switch (ch) {
                case '%' -> sb.append(".*");
                case '_' -> sb.append('.');
                case '[' -> {
                    inClass = true;
                    sb.append('[');
                }
                case '.', '^', '$', '\\' -> sb.append('\\').append(ch);
                default -> sb.append(ch);
            }
        }
        return sb.append(")$").toString();
    }
}
