package io.shale.grammar;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/** Decoding of PostgreSQL's string constant and identifier spellings into their values. */
final class StringLiterals {
    private StringLiterals() {
    }

    /** Decodes a standard, E'', U&'' or dollar-quoted string constant as written. */
    static String decodeString(String text) {
        char first = text.charAt(0);
        if (first == '\'') {
            return joinSegments(text, 0, false);
        }
        if (first == '$') {
            int tagEnd = text.indexOf('$', 1) + 1;
            return text.substring(tagEnd, text.length() - tagEnd);
        }
        if (first == 'e' || first == 'E') {
            return joinSegments(text, 1, true);
        }
        return decodeUnicode(text.substring(3, text.length() - 1).replace("''", "'"), 3);
    }

    /**
     * Decodes quoted segments starting at {@code start}: PostgreSQL concatenates string constants
     * separated only by whitespace that contains a newline.
     */
    private static String joinSegments(String text, int start, boolean escapes) {
        StringBuilder out = new StringBuilder();
        int i = start;
        while (i < text.length()) {
            if (text.charAt(i) != '\'') {
                i++;
                continue;
            }
            int end = i + 1;
            while (true) {
                char c = text.charAt(end);
                if (escapes && c == '\\') {
                    end += 2;
                } else if (c == '\'' && end + 1 < text.length() && text.charAt(end + 1) == '\'') {
                    end += 2;
                } else if (c == '\'') {
                    break;
                } else {
                    end++;
                }
            }
            String body = text.substring(i + 1, end);
            out.append(escapes ? decodeEscapeString(body, i + 1) : body.replace("''", "'"));
            i = end + 1;
        }
        return out.toString();
    }

    /** PostgreSQL's NAMEDATALEN - 1: identifiers are truncated to this many bytes. */
    private static final int MAX_IDENTIFIER_BYTES = 63;

    /**
     * Decodes an identifier token: quoted ones are kept exactly, unquoted ones folded to lower case;
     * both are truncated to 63 bytes of UTF-8 as PostgreSQL does.
     */
    static String decodeIdentifier(String text) {
        if (text.charAt(0) == '"') {
            return truncate(text.substring(1, text.length() - 1).replace("\"\"", "\""));
        }
        if (text.length() > 2 && (text.charAt(0) == 'u' || text.charAt(0) == 'U') && text.charAt(1) == '&') {
            return truncate(decodeUnicode(text.substring(3, text.length() - 1).replace("\"\"", "\""), 3));
        }
        return truncate(foldCase(text));
    }

    private static String truncate(String name) {
        if (name.length() <= MAX_IDENTIFIER_BYTES / 4) {
            return name;
        }
        int bytes = 0;
        int index = 0;
        while (index < name.length()) {
            int codePoint = name.codePointAt(index);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > MAX_IDENTIFIER_BYTES) {
                return name.substring(0, index);
            }
            bytes += size;
            index += Character.charCount(codePoint);
        }
        return name;
    }

    /** Folds ASCII letters to lower case, as PostgreSQL does for unquoted identifiers and keywords. */
    static String foldCase(String text) {
        StringBuilder result = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (result == null) {
                    result = new StringBuilder(text);
                }
                result.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return result == null ? text : result.toString();
    }

    private static String decodeEscapeString(String body, int bodyOffset) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c == '\'') {
                out.append('\'');
                i++;
                continue;
            }
            if (c != '\\' || i >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(i++);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> i = appendNumber(out, body, i, 16, 2);
                case 'u' -> i = appendCodePoint(out, body, i, 4, bodyOffset + i - 2);
                case 'U' -> i = appendCodePoint(out, body, i, 8, bodyOffset + i - 2);
                default -> {
                    if (e >= '0' && e <= '7') {
                        i = appendNumber(out, body, i - 1, 8, 3);
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int appendNumber(StringBuilder out, String body, int start, int radix, int maxDigits) {
        int end = start;
        while (end < body.length() && end - start < maxDigits && Character.digit(body.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == start) {
            out.append(radix == 16 ? 'x' : '0');
            return start;
        }
        out.append((char) Integer.parseInt(body.substring(start, end), radix));
        return end;
    }

    private static int appendCodePoint(StringBuilder out, String body, int start, int digits, int escapeOffset) {
        if (start + digits > body.length()) {
            throw invalidUnicode(escapeOffset);
        }
        try {
            out.appendCodePoint(Integer.parseInt(body.substring(start, start + digits), 16));
        } catch (IllegalArgumentException e) {
            throw invalidUnicode(escapeOffset);
        }
        return start + digits;
    }

    private static String decodeUnicode(String body, int bodyOffset) {
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c != '\\') {
                out.append(c);
            } else if (i < body.length() && body.charAt(i) == '\\') {
                out.append('\\');
                i++;
            } else if (i < body.length() && body.charAt(i) == '+') {
                i = appendCodePoint(out, body, i + 1, 6, bodyOffset + i - 1);
            } else {
                i = appendCodePoint(out, body, i, 4, bodyOffset + i - 1);
            }
        }
        return out.toString();
    }

    /** The error for a bad Unicode escape; its position is relative to the token (1 = first character). */
    private static ShaleException invalidUnicode(int offsetInToken) {
        return new ShaleException(ErrorCode.SYNTAX_ERROR, "invalid Unicode escape")
                .withHint("Unicode escapes must be \\uXXXX or \\UXXXXXXXX.").withPosition(offsetInToken + 1);
    }
}
