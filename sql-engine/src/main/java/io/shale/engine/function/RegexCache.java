package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A small, bounded, thread-safe cache of compiled patterns owned by one function instance, and
 * the translation of PostgreSQL's advanced regular expressions (ARE) to java.util.regex.
 */
final class RegexCache {
    private static final int CAPACITY = 64;

    private final Map<String, Pattern> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The compiled form of an ARE with PostgreSQL flag letters (i c n m s x q; g is the caller's). */
    Pattern compile(String pattern, String flags) {
        String key = flags + "\u0000" + pattern;
        synchronized (cache) {
            Pattern p = cache.get(key);
            if (p == null) {
                p = translate(pattern, flags);
                cache.put(key, p);
            }
            return p;
        }
    }

    static Pattern translate(String pattern, String flags) {
        int javaFlags = Pattern.DOTALL;
        boolean literal = false;
        for (int i = 0; i < flags.length(); i++) {
            switch (flags.charAt(i)) {
                case 'i' -> javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'c' -> javaFlags &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case 'n', 'm' -> javaFlags = (javaFlags | Pattern.MULTILINE) & ~Pattern.DOTALL;
                case 's' -> javaFlags = (javaFlags | Pattern.DOTALL) & ~Pattern.MULTILINE;
                case 'x' -> javaFlags |= Pattern.COMMENTS;
                case 'q' -> literal = true;
                case 'g', 'p', 'w', 't', 'b', 'e' -> {
                }
                default -> throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid regular expression option: \"" + flags.charAt(i) + "\"");
            }
        }
        try {
            if (literal) {
                return Pattern.compile(pattern, javaFlags | Pattern.LITERAL);
            }
            return Pattern.compile(toJava(pattern, (javaFlags & Pattern.MULTILINE) != 0), javaFlags);
        } catch (PatternSyntaxException e) {
            throw new ShaleException(ErrorCode.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression: " + e.getDescription().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Rewrites the ARE constructs java.util.regex spells differently. */
    private static String toJava(String re, boolean newlineSensitive) {
        StringBuilder sb = new StringBuilder(re.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(++i);
                switch (n) {
                    case 'm' -> sb.append(inClass ? "m" : "\\b(?=\\w)");
                    case 'M' -> sb.append(inClass ? "M" : "\\b(?<=\\w)");
                    case 'y' -> sb.append("\\b");
                    case 'Y' -> sb.append("\\B");
                    case 'Z' -> sb.append("\\z");
                    default -> sb.append('\\').append(n);
                }
                continue;
            }
            if (inClass) {
                if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                    int end = re.indexOf(":]", i + 2);
                    if (end > 0) {
                        sb.append(posixClass(re.substring(i + 2, end)));
                        i = end + 1;
                        continue;
                    }
                }
                if (c == '[') {
                    sb.append("\\[");
                    continue;
                }
                if (c == '&' || c == '~') {
                    sb.append('\\').append(c);
                    continue;
                }
                if (c == ']' && !classJustOpened(sb)) {
                    inClass = false;
                }
                sb.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                sb.append(c);
                if (i + 1 < re.length() && re.charAt(i + 1) == '^') {
                    sb.append('^');
                    i++;
                }
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
                    sb.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '$' && !newlineSensitive) {
                sb.append("\\z");
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static boolean classJustOpened(StringBuilder sb) {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == '[' || n > 1 && sb.charAt(n - 1) == '^' && sb.charAt(n - 2) == '[';
    }

    private static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{IsAlphabetic}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{IsAlphabetic}0-9";
            case "upper" -> "\\p{IsUppercase}";
            case "lower" -> "\\p{IsLowercase}";
            case "space" -> "\\s";
            case "punct" -> "\\p{Punct}";
            case "xdigit" -> "0-9A-Fa-f";
            case "word" -> "\\w";
            case "blank" -> " \\t";
            case "cntrl" -> "\\p{Cntrl}";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            default -> throw new ShaleException(ErrorCode.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression: invalid character class");
        };
    }
}
