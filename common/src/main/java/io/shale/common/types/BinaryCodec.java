package io.shale.common.types;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** PostgreSQL's binary send and receive functions of every supported type. */
public final class BinaryCodec {
    private BinaryCodec() {
    }

    /** The binary form of a non-null value, as PostgreSQL's send function writes it. */
    public static byte[] encode(SqlType type, Object value, FormatSettings settings) {
        return switch (type.oid()) {
            case TypeOids.INT2 -> ByteBuffer.allocate(2).putShort((Short) value).array();
            case TypeOids.INT4 -> ByteBuffer.allocate(4).putInt((Integer) value).array();
            case TypeOids.INT8 -> ByteBuffer.allocate(8).putLong((Long) value).array();
            case TypeOids.BOOL -> new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
            default -> TextCodec.format(type, value, settings).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Decodes the binary form of a value of {@code type}; 22P03 when malformed. */
    public static Object decode(SqlType type, byte[] data, FormatSettings settings) {
        ByteBuffer b = ByteBuffer.wrap(data);
        try {
            return switch (type.oid()) {
                case TypeOids.INT2 -> b.getShort();
                case TypeOids.INT4 -> b.getInt();
                case TypeOids.INT8 -> b.getLong();
                case TypeOids.BOOL -> data[0] != 0;
                default -> TextCodec.parse(type, new String(data, StandardCharsets.UTF_8), settings);
            };
        } catch (RuntimeException e) {
            throw new ShaleException(ErrorCode.INVALID_BINARY_REPRESENTATION,
                    "incorrect binary data format");
        }
    }
}
