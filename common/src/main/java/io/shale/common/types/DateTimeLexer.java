package io.shale.common.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits date/time input into tokens as PostgreSQL's ParseDateTime does: numbers and dates
 * ({@code 2024-01-02}, {@code 03:04:05.5}, {@code 02-Jan-2024}), UTC offsets after a first
 * field, month-first dates ({@code Jan-02-2024}) and words (month and day names, zone names).
 */
final class DateTimeLexer {
    /** What a token is. */
    enum Kind { NUMBER, OFFSET, MONTH_DATE, WORD, INVALID }

    /** One token of the input. */
    record Token(Kind kind, String text) {
    }

    private DateTimeLexer() {
    }

    static List<Token> split(String text) {
        List<Token> out = new ArrayList<>();
        String s = text.trim().replaceAll("(?<=\\d)[Tt](?=\\d)", " ");
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            if (Character.isDigit(c)) {
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ':' || s.charAt(i) == '.'
                        || ((s.charAt(i) == '-' || s.charAt(i) == '/') && isDateToken(s, start))
                        || (Character.isLetter(s.charAt(i)) && isDateToken(s, start) && hasSeparator(s, i)))) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if ((c == '+' || c == '-') && i + 1 < n && Character.isDigit(s.charAt(i + 1)) && !out.isEmpty()) {
                i++;
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == ':')) {
                    i++;
                }
                kind = Kind.OFFSET;
            } else if (Character.isLetter(c) && monthDate(s, i)) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '/'
                        || s.charAt(i) == '.')) {
                    i++;
                }
                kind = Kind.MONTH_DATE;
            } else if (Character.isLetter(c) || c == '+' || c == '-') {
                i++;
                while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '/' || s.charAt(i) == '_'
                        || (s.substring(start, i).indexOf('/') >= 0 && (Character.isLetterOrDigit(s.charAt(i))
                        || s.charAt(i) == '+' || s.charAt(i) == '-')))) {
                    i++;
                }
                kind = Kind.WORD;
            } else {
                out.add(new Token(Kind.INVALID, s.substring(i)));
                return out;
            }
            out.add(new Token(kind, s.substring(start, i)));
        }
        return out;
    }

    /** A month name directly followed by '-' or '/' and a digit starts a date like Jan-02-2024. */
    private static boolean monthDate(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
        }
        return j + 1 < s.length() && (s.charAt(j) == '-' || s.charAt(j) == '/') && Character.isDigit(s.charAt(j + 1))
                && DateTimeWords.month(s.substring(i, j).toLowerCase(Locale.ROOT)) != 0;
    }

    private static boolean isDateToken(String s, int start) {
        for (int j = start; j < s.length() && !Character.isWhitespace(s.charAt(j)); j++) {
            char c = s.charAt(j);
            if (c == ':') {
                return false;
            }
            if (c == '-' || c == '/') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSeparator(String s, int i) {
        char prev = s.charAt(i - 1);
        return prev == '-' || prev == '/' || prev == '.' || Character.isLetter(prev);
    }
}
