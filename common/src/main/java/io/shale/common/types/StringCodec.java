package io.shale.common.types;

import java.nio.charset.StandardCharsets;

/**
 * The character types (text, varchar, bpchar, name, "char", unknown, cstring), json, xml and
 * enum labels, all as String; the binary form is the UTF-8 bytes ("char": one byte). void
 * prints as the empty string whatever its value.
 */
final class StringCodec implements ValueCodec {
    static final int NAME_MAX_BYTES = 63;

    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        if (type.oid() == TypeOids.VOID) {
            return "";
        }
        String s = (String) value;
        if (type.oid() == TypeOids.CHAR && !s.isEmpty() && s.charAt(0) >= 0x80) {
            int c = s.charAt(0) & 0xFF;
            return "\\" + (c >> 6) + ((c >> 3) & 7) + (c & 7);
        }
        return s;
    }

    /**
     * The one-byte "char" value of a text: {@code \ooo} octal, else the first UTF-8 byte; held as a
     * String of one char (U+0000..U+00FF) or empty.
     */
    static String toChar(String text) {
        if (text.length() == 4 && text.charAt(0) == '\\' && isOctal(text.charAt(1)) && isOctal(text.charAt(2))
                && isOctal(text.charAt(3))) {
            int v = ((text.charAt(1) - '0') << 6 | (text.charAt(2) - '0') << 3 | (text.charAt(3) - '0')) & 0xFF;
            return v == 0 ? "" : String.valueOf((char) v);
        }
        if (text.isEmpty()) {
            return "";
        }
        char c = text.charAt(0);
        return c < 0x80 ? String.valueOf(c)
                : String.valueOf((char) (text.substring(0, Character.charCount(text.codePointAt(0)))
                        .getBytes(StandardCharsets.UTF_8)[0] & 0xFF));
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        return switch (type.oid()) {
            case TypeOids.VARCHAR, TypeOids.BPCHAR -> applyLength(type, text, false);
            case TypeOids.NAME -> truncateBytes(text, NAME_MAX_BYTES);
            case TypeOids.CHAR -> toChar(text);
            case TypeOids.VOID -> "";
            case TypeOids.JSON -> {
                JsonParser.parse(text, "json");
                yield text;
            }
            default -> text;
        };
    }

    /**
     * The length rule of varchar(n) and char(n): too long is 22001 unless the excess is spaces
     * or the cast is explicit (then truncated); char(n) pads with spaces.
     */
    static String applyLength(SqlType type, String s, boolean explicit) {
        int max = type.typmod() - 4;
        if (max < 0) {
            return s;
        }
        int count = s.codePointCount(0, s.length());
        if (count > max) {
            int cut = s.offsetByCodePoints(0, max);
            if (!explicit) {
                for (int i = cut; i < s.length(); i++) {
                    if (s.charAt(i) != ' ') {
                        throw TypeErrors.tooLong(type);
                    }
                }
            }
            return s.substring(0, cut);
        }
        if (type.oid() == TypeOids.BPCHAR && count < max) {
            StringBuilder sb = new StringBuilder(s.length() + max - count).append(s);
            for (int i = count; i < max; i++) {
                sb.append(' ');
            }
            return sb.toString();
        }
        return s;
    }

    static String truncateBytes(String s, int maxBytes) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= maxBytes) {
            return s;
        }
        int end = maxBytes;
        while (end > 0 && (b[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        if (type.oid() == TypeOids.VOID) {
            return;
        }
        String s = (String) value;
        if (type.oid() == TypeOids.CHAR) {
            if (!s.isEmpty()) {
                out.putByte(s.charAt(0));
            }
            return;
        }
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            for (int i = 0; i < n; i++) {
                out.putByte(s.charAt(i));
            }
        } else {
            out.putBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        if (type.oid() == TypeOids.CHAR) {
            return len == 0 || buf[off] == 0 ? "" : String.valueOf((char) (buf[off] & 0xFF));
        }
        String s = new String(buf, off, len, StandardCharsets.UTF_8);
        return type.oid() == TypeOids.JSON ? parse(type, s, settings) : s;
    }
}
