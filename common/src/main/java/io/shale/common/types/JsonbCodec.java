package io.shale.common.types;

import java.nio.charset.StandardCharsets;

/** jsonb as {@link Jsonb}; binary: version byte 1 followed by the text. */
final class JsonbCodec implements ValueCodec {
    @Override
    public String format(SqlType type, Object value, FormatSettings settings) {
        return value.toString();
    }

    @Override
    public Object parse(SqlType type, String text, FormatSettings settings) {
        return Jsonb.parse(text);
    }

    @Override
    public void write(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        out.putByte(1).putBytes(value.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings) {
        if (len < 1 || buf[off] != 1) {
            throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_BINARY_REPRESENTATION,
                    "unsupported jsonb version number " + (len < 1 ? 0 : buf[off]));
        }
        return Jsonb.parse(new String(buf, off + 1, len - 1, StandardCharsets.UTF_8));
    }
}
