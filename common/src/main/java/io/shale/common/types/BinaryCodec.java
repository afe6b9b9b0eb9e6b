package io.shale.common.types;

import io.shale.common.error.ShaleException;

/** PostgreSQL's binary send and receive functions of every supported type. */
public final class BinaryCodec {
    private BinaryCodec() {
    }

    /** The binary form of a non-null value, as PostgreSQL's send function writes it. */
    public static byte[] encode(SqlType type, Object value, FormatSettings settings) {
        ByteSink out = new ByteSink(16);
        encode(type, value, out, settings);
        return out.toByteArray();
    }

    /** Appends the binary form of a non-null value to {@code out}. */
    public static void encode(SqlType type, Object value, ByteSink out, FormatSettings settings) {
        if (value instanceof ArrayValue a && BuiltinTypes.elementOf(type.oid()) == 0) {
            ArrayCodec.writeArray(a, new SqlType(a.elementOid(), type.typmod()), out, settings);
            return;
        }
        Codecs.require(type.oid(), "binary output").write(type, value, out, settings);
    }

    /** Decodes the binary form of a value of {@code type}; 22P03 when malformed. */
    public static Object decode(SqlType type, byte[] data, FormatSettings settings) {
        return decode(type, data, 0, data.length, settings);
    }

    /** Decodes {@code len} bytes at {@code off}; 22P03 when malformed. */
    public static Object decode(SqlType type, byte[] data, int off, int len, FormatSettings settings) {
        ValueCodec codec = Codecs.require(type.oid(), "binary input");
        try {
            return codec.read(type, data, off, len, settings);
        } catch (ShaleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TypeErrors.badBinary();
        }
    }
}
