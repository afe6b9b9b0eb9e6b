package io.shale.common.types;

/**
 * The text and binary input/output of one family of types. Implementations are stateless;
 * values are non-null (SQL NULL never reaches a codec).
 */
sealed interface ValueCodec permits BoolCodec, IntegerCodec, OidCodec, FloatCodec, NumericCodec,
        StringCodec, ByteaCodec, UuidCodec, InetCodec, JsonbCodec, DateCodec, TimeCodec,
        TimestampCodec, IntervalCodec, ArrayCodec, RecordCodec {

    String format(SqlType type, Object value, FormatSettings settings);

    Object parse(SqlType type, String text, FormatSettings settings);

    void write(SqlType type, Object value, ByteSink out, FormatSettings settings);

    /** Reads {@code len} bytes at {@code off}; throws on malformed input (mapped to 22P03). */
    Object read(SqlType type, byte[] buf, int off, int len, FormatSettings settings);

    static int getInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static long getLong(byte[] b, int off) {
        return ((long) getInt(b, off) << 32) | (getInt(b, off + 4) & 0xFFFFFFFFL);
    }

    static short getShort(byte[] b, int off) {
        return (short) (((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF));
    }

    static void expectLength(int len, int want) {
        if (len != want) {
            throw TypeErrors.badBinary();
        }
    }
}
