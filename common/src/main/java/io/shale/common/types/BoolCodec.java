package io.shale.common.types;

import java.util.Locale;

/** bool: {@code t}/{@code f}, input of every PostgreSQL spelling (unique prefixes of true/false/yes/no, on/off, 1/0). */
final class BoolCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        return (Boolean) value ? "t" : "f";
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        Boolean b = parseBool(text);
        if (b == null) {
            throw TypeErrors.invalidSyntax("boolean", text);
        }
        return b;
    }

    /** PostgreSQL's parse_bool, or null when the text is not a boolean. */
    static Boolean parseBool(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if ("true".startsWith(s) || "yes".startsWith(s) || s.equals("1") || s.equals("on")) {
            return true;
        }
        if ("false".startsWith(s) || "no".startsWith(s) || s.equals("0") || s.equals("off") || s.equals("of")) {
            return false;
        }
        return null;
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        out.putByte((Boolean) value ? 1 : 0);
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        ValueCodec.expectLength(len, 1);
        return buf[off] != 0;
    }
}
