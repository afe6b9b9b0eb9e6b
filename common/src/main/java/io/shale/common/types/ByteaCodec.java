package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.Arrays;

/** bytea as byte[]: hex ({@code \x0102}) or escape output, both input formats. */
final class ByteaCodec implements ValueCodec {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        byte[] b = (byte[]) value;
        if (settings.byteaHex()) {
            char[] out = new char[2 + 2 * b.length];
            out[0] = '\\';
            out[1] = 'x';
            for (int i = 0; i < b.length; i++) {
                out[2 + 2 * i] = HEX[(b[i] >> 4) & 0xF];
                out[3 + 2 * i] = HEX[b[i] & 0xF];
            }
            return new String(out);
        }
        StringBuilder sb = new StringBuilder(b.length);
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c < 0x20 || c > 0x7E) {
                sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        if (text.startsWith("\\x")) {
            return parseHex(text);
        }
        byte[] out = new byte[text.length() * 3];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c != '\\') {
                String ch = text.substring(i, i + Character.charCount(text.codePointAt(i)));
                for (byte x : ch.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out[n++] = x;
                }
                i += ch.length();
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out[n++] = '\\';
                i += 2;
            } else if (isOctal(text, i + 1) && isOctal(text, i + 2) && isOctal(text, i + 3)
                    && text.charAt(i + 1) <= '3') {
                out[n++] = (byte) (((text.charAt(i + 1) - '0') << 6) | ((text.charAt(i + 2) - '0') << 3)
                        | (text.charAt(i + 3) - '0'));
                i += 4;
            } else {
                throw new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isOctal(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
    }

    private static byte[] parseHex(String text) {
        byte[] out = new byte[(text.length() - 2) / 2];
        int n = 0;
        int i = 2;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int hi = Character.digit(c, 16);
            if (hi < 0) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid hexadecimal digit: \"" + c + "\"");
            }
            if (i + 1 >= text.length()) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid hexadecimal data: odd number of digits");
            }
            int lo = Character.digit(text.charAt(i + 1), 16);
            if (lo < 0) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid hexadecimal digit: \"" + text.charAt(i + 1) + "\"");
            }
            out[n++] = (byte) ((hi << 4) | lo);
            i += 2;
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        out.putBytes((byte[]) value);
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        return Arrays.copyOfRange(buf, off, off + len);
    }
}
