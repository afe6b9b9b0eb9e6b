package io.shale.cluster.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Byte layout of an RPC frame (all integers big-endian):
 * <pre>
 *   0        4      5              13        17
 *   +--------+------+--------------+---------+----------------------+
 *   | length | type | request id   | crc32c  | body                 |
 *   | int32  | int8 | int64        | int32   | length - 13 bytes    |
 *   +--------+------+--------------+---------+----------------------+
 * </pre>
 * {@code length} counts the bytes after itself; the CRC32C covers type, request id and body.
 * Bodies by type ({@code str} = int32 byte length + UTF-8, -1 for null; {@code rest} = the
 * remaining bytes):
 * <pre>
 *   1 HELLO      int16 version, str node, 32 bytes nonce
 *   2 CHALLENGE  32 bytes nonce, 32 bytes proof
 *   3 PROOF      32 bytes proof
 *   4 WELCOME    int32 max in-flight requests, int32 max in-flight bytes
 *   5 REQUEST    int64 timeout in microseconds, str method, rest payload
 *   6 RESPONSE   rest payload                         (final)
 *   7 CHUNK      rest payload                         (more follow)
 *   8 FAILURE    str sqlstate, str message, str detail, str hint   (final)
 *   9 CANCEL     empty
 *  10 CREDIT     int32 chunks the caller consumed     (streamed answers)
 * </pre>
 * The protocol version travels in HELLO; a server refuses other versions.
 */
final class FrameDescriptor {
    static final int VERSION = 1;
    static final int LENGTH_FIELD = 4;
    static final int CRC_OFFSET = 13;
    static final int BODY_OFFSET = 17;
    static final int NONCE_LENGTH = 32;

    static final byte HELLO = 1;
    static final byte CHALLENGE = 2;
    static final byte PROOF = 3;
    static final byte WELCOME = 4;
    static final byte REQUEST = 5;
    static final byte RESPONSE = 6;
    static final byte CHUNK = 7;
    static final byte FAILURE = 8;
    static final byte CANCEL = 9;
    static final byte CREDIT = 10;
    /** Chunks a streamed answer may run ahead of the caller before it waits for CREDIT. */
    static final int STREAM_WINDOW = 16;

    private FrameDescriptor() {
    }

    /** Appends {@code frame} to {@code out}, length and checksum included. */
    static void write(Frame frame, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0).writeByte(type(frame)).writeLong(frame.requestId()).writeInt(0);
        switch (frame) {
            case Frame.Hello hello -> {
                out.writeShort(hello.version());
                writeString(out, hello.node());
                out.writeBytes(hello.nonce());
            }
            case Frame.Challenge challenge -> out.writeBytes(challenge.nonce()).writeBytes(challenge.proof());
            case Frame.Proof proof -> out.writeBytes(proof.proof());
            case Frame.Welcome welcome -> out.writeInt(welcome.maxInFlightRequests()).writeInt(welcome.maxInFlightBytes());
            case Frame.Request request -> {
                out.writeLong(request.timeoutMicros());
                writeString(out, request.method());
                out.writeBytes(request.payload());
            }
            case Frame.Response response -> out.writeBytes(response.payload());
            case Frame.Chunk chunk -> out.writeBytes(chunk.payload());
            case Frame.Failure failure -> {
                writeString(out, failure.sqlState());
                writeString(out, failure.message());
                writeString(out, failure.detail());
                writeString(out, failure.hint());
            }
            case Frame.Cancel ignored -> { }
            case Frame.Credit credit -> out.writeInt(credit.chunks());
        }
        int end = out.writerIndex();
        out.setInt(start, end - start - LENGTH_FIELD);
        out.setInt(start + CRC_OFFSET, checksum(out, start, end));
    }

    /** Reads one whole frame, length field included; throws 08P01 for a bad frame. */
    static Frame read(ByteBuf in) {
        if (in.readableBytes() < BODY_OFFSET) {
            throw malformed("RPC frame is too short");
        }
        int start = in.readerIndex();
        in.skipBytes(LENGTH_FIELD);
        byte type = in.readByte();
        long id = in.readLong();
        int crc = in.readInt();
        if (checksum(in, start, in.writerIndex()) != crc) {
            throw malformed("RPC frame checksum mismatch");
        }
        try {
            Frame frame = switch (type) {
                case HELLO -> new Frame.Hello(in.readUnsignedShort(), readString(in), bytes(in, NONCE_LENGTH));
                case CHALLENGE -> new Frame.Challenge(bytes(in, NONCE_LENGTH), bytes(in, NONCE_LENGTH));
                case PROOF -> new Frame.Proof(bytes(in, NONCE_LENGTH));
                case WELCOME -> new Frame.Welcome(in.readInt(), in.readInt());
                case REQUEST -> new Frame.Request(id, in.readLong(), readString(in), bytes(in, in.readableBytes()));
                case RESPONSE -> new Frame.Response(id, bytes(in, in.readableBytes()));
                case CHUNK -> new Frame.Chunk(id, bytes(in, in.readableBytes()));
                case FAILURE -> new Frame.Failure(id, readString(in), readString(in), readString(in), readString(in));
                case CANCEL -> new Frame.Cancel(id);
                case CREDIT -> new Frame.Credit(id, in.readInt());
                default -> throw malformed("unknown RPC frame type " + type);
            };
            if (in.isReadable()) {
                throw malformed("RPC frame of type " + type + " has trailing bytes");
            }
            return frame;
        } catch (IndexOutOfBoundsException e) {
            throw malformed("RPC frame of type " + type + " is truncated");
        }
    }

    /** Bytes a request frame takes on the wire, before encoding (for the frame size limit). */
    static long requestSize(String method, byte[] payload) {
        return BODY_OFFSET + 8 + 4 + (long) method.length() * 3 + payload.length;
    }

    private static byte type(Frame frame) {
        return switch (frame) {
            case Frame.Hello ignored -> HELLO;
            case Frame.Challenge ignored -> CHALLENGE;
            case Frame.Proof ignored -> PROOF;
            case Frame.Welcome ignored -> WELCOME;
            case Frame.Request ignored -> REQUEST;
            case Frame.Response ignored -> RESPONSE;
            case Frame.Chunk ignored -> CHUNK;
            case Frame.Failure ignored -> FAILURE;
            case Frame.Cancel ignored -> CANCEL;
            case Frame.Credit ignored -> CREDIT;
        };
    }

    /** CRC32C of type, request id and body of the frame at {@code frameStart} (its length field). */
    private static int checksum(ByteBuf buf, int frameStart, int frameEnd) {
        CRC32C crc = new CRC32C();
        crc.update(buf.nioBuffer(frameStart + LENGTH_FIELD, CRC_OFFSET - LENGTH_FIELD));
        crc.update(buf.nioBuffer(frameStart + BODY_OFFSET, frameEnd - frameStart - BODY_OFFSET));
        return (int) crc.getValue();
    }

    private static void writeString(ByteBuf out, String value) {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        int lengthAt = out.writerIndex();
        out.writeInt(0);
        int written = out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.setInt(lengthAt, written);
    }

    private static String readString(ByteBuf in) {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.readableBytes()) {
            throw malformed("RPC frame has a bad string length");
        }
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }

    private static byte[] bytes(ByteBuf in, int length) {
        byte[] bytes = ByteBufUtil.getBytes(in, in.readerIndex(), length);
        in.skipBytes(length);
        return bytes;
    }

    private static ShaleException malformed(String message) {
        return new ShaleException(ErrorCode.PROTOCOL_VIOLATION, message);
    }
}
