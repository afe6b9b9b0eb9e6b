package io.shale.common.types;

import java.util.UUID;

/** uuid as java.util.UUID: lower-case output; input with or without hyphens and braces. */
final class UuidCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        String s = text.trim();
        if (s.startsWith("{") && s.endsWith("}") && s.length() > 2) {
            s = s.substring(1, s.length() - 1);
        }
        long hi = 0;
        long lo = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' && digits > 0 && digits % 4 == 0 && i + 1 < s.length() && s.charAt(i + 1) != '-') {
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0 || digits >= 32 || c > 'f') {
                throw TypeErrors.invalidSyntax("uuid", text);
            }
            if (digits < 16) {
                hi = (hi << 4) | d;
            } else {
                lo = (lo << 4) | d;
            }
            digits++;
        }
        if (digits != 32) {
            throw TypeErrors.invalidSyntax("uuid", text);
        }
        return new UUID(hi, lo);
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        UUID u = (UUID) value;
        out.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        ValueCodec.expectLength(len, 16);
        return new UUID(ValueCodec.getLong(buf, off), ValueCodec.getLong(buf, off + 8));
    }
}
