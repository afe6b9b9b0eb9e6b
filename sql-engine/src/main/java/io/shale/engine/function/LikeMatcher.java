package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.Locale;

/** SQL LIKE and ILIKE matching: % any sequence, _ one character, an escape character (default backslash). */
final class LikeMatcher {
    static final int DEFAULT_ESCAPE = '\\';
    static final int NO_ESCAPE = -1;

    private LikeMatcher() {
    }

    static boolean like(String text, String pattern, int escape, boolean ignoreCase) {
        if (ignoreCase) {
            text = text.toLowerCase(Locale.ROOT);
            pattern = pattern.toLowerCase(Locale.ROOT);
        }
        return match(text, 0, pattern, 0, escape);
    }

    private static boolean match(String s, int si, String p, int pi, int escape) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                while (pi < p.length() && p.charAt(pi) == '%') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (match(s, k, p, pi, escape)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '_') {
                si++;
                pi++;
                continue;
            }
            if (c == escape) {
                pi++;
                if (pi >= p.length()) {
                    throw new ShaleException(ErrorCode.INVALID_ESCAPE_SEQUENCE,
                            "LIKE pattern must not end with escape character");
                }
                c = p.charAt(pi);
            }
            if (s.charAt(si) != c) {
                return false;
            }
            si++;
            pi++;
        }
        return si == s.length();
    }

    /** The escape given to LIKE ... ESCAPE e: one character, or none for the empty string. */
    static int escapeOf(String escape) {
        if (escape.isEmpty()) {
            return NO_ESCAPE;
        }
        if (escape.codePointCount(0, escape.length()) != 1) {
            throw new ShaleException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        return escape.charAt(0);
    }
}
