package io.shale.engine.function;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.HexFormat;

/** encode() and decode() of bytea in the hex, base64 and escape formats. */
final class ByteEncoding {
    private ByteEncoding() {
    }

    static String encode(byte[] data, String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "hex" -> HexFormat.of().formatHex(data);
            case "base64" -> base64(data);
            case "escape" -> escape(data);
            default -> throw unknown(format);
        };
    }

    static byte[] decode(String text, String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "hex" -> decodeHex(text);
            case "base64" -> decodeBase64(text);
            case "escape" -> unescape(text);
            default -> throw unknown(format);
        };
    }

    private static ShaleException unknown(String format) {
        return new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"" + format + "\"");
    }

    private static String base64(byte[] data) {
        String s = Base64.getEncoder().encodeToString(data);
        StringBuilder sb = new StringBuilder(s.length() + s.length() / 76);
        for (int i = 0; i < s.length(); i += 76) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(s, i, Math.min(s.length(), i + 76));
        }
        return sb.toString();
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid base64 end sequence")
                    .withHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
        }
    }

    private static byte[] decodeHex(String text) {
        String s = text.replaceAll("\\s", "");
        if (s.length() % 2 != 0) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
        }
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit");
        }
    }

    private static String escape(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length);
        for (byte b : data) {
            int v = b & 0xff;
            if (v == '\\') {
                sb.append("\\\\");
            } else if (v == 0 || v >= 0x80) {
                sb.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + ((v >> 3) & 7)))
                        .append((char) ('0' + (v & 7)));
            } else {
                sb.append((char) v);
            }
        }
        return sb.toString();
    }

    private static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '\\') {
                byte[] b = String.valueOf(ch).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < text.length() && isOctal(text, i + 1)) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                throw new ShaleException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                        "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(String s, int i) {
        return s.charAt(i) >= '0' && s.charAt(i) <= '3' && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7'
                && s.charAt(i + 2) >= '0' && s.charAt(i + 2) <= '7';
    }
}
