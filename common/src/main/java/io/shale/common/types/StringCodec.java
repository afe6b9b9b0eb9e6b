package io.shale.common.types;

import java.nio.charset.StandardCharsets;

/**
 * The character types (text, varchar, bpchar, name, "char", unknown, cstring), json, xml and
 * enum labels, all as String; the binary form is the UTF-8 bytes ("char": one byte).
 */
final class StringCodec implements ValueCodec {
    static final int NAME_MAX_BYTES = 63;

    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        return (String) value;
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        return switch (type.oid()) {
            case TypeOids.VARCHAR, TypeOids.BPCHAR -> applyLength(type, text, false);
            case TypeOids.NAME -> truncateBytes(text, NAME_MAX_BYTES);
            case TypeOids.CHAR -> text.isEmpty() ? "" : text.substring(0, Character.charCount(text.codePointAt(0)));
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
        String s = (String) value;
        if (type.oid() == TypeOids.CHAR) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (b.length > 0) {
                out.putByte(b[0]);
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
        String s = new String(buf, off, len, StandardCharsets.UTF_8);
        return type.oid() == TypeOids.JSON ? parse(type, s, settings) : s;
    }
}
