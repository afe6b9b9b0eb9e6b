package io.shale.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the client's byte stream into {@link FrontendMessage}s. An explicit state machine:
 * during startup a frame is {@code int32 length, int32 code, body} without a type byte (PostgreSQL
 * allows at most 10000 bytes); after the StartupMessage every frame is {@code byte type, int32
 * length, body}. A frame that breaks the rules becomes one {@link FrontendMessage.Malformed} and
 * every later byte is dropped, so only this connection ends.
 */
final class PgDecoder extends ByteToMessageDecoder {
    static final int PROTOCOL_3_0 = 196608;
    static final int SSL_REQUEST_CODE = 80877103;
    static final int GSSENC_REQUEST_CODE = 80877104;
    static final int CANCEL_REQUEST_CODE = 80877102;
    static final int MAX_STARTUP_PACKET = 10000;

    private enum State { STARTUP, MESSAGES, DISCARD }

    private final int maxMessageSize;
    private final boolean tlsEnabled;
    private State state = State.STARTUP;

    /** @param tlsEnabled whether an SSLRequest will be answered with a TLS handshake */
    PgDecoder(int maxMessageSize, boolean tlsEnabled) {
        this.maxMessageSize = maxMessageSize;
        this.tlsEnabled = tlsEnabled;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        switch (state) {
            case STARTUP -> decodeStartup(in, out);
            case MESSAGES -> decodeMessage(in, out);
            case DISCARD -> in.skipBytes(in.readableBytes());
        }
    }

    private void decodeStartup(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_PACKET) {
            fail(in, out, "invalid length of startup packet");
            return;
        }
        if (in.readableBytes() < length) {
            return;
        }
        ByteBuf frame = in.readSlice(length).skipBytes(4);
        int code = frame.readInt();
        try {
            switch (code) {
                case SSL_REQUEST_CODE -> {
                    if (tlsEnabled && in.isReadable()) {
                        // bytes sent before the handshake would pass as if they were encrypted
                        fail(in, out, "received unencrypted data after SSL request");
                        return;
                    }
                    out.add(new FrontendMessage.SslRequest());
                }
                case GSSENC_REQUEST_CODE -> out.add(new FrontendMessage.GssEncRequest());
                case CANCEL_REQUEST_CODE -> {
                    out.add(new FrontendMessage.CancelRequest(frame.readInt(), frame.readInt()));
                    state = State.DISCARD;
                }
                default -> {
                    Map<String, String> parameters = code == PROTOCOL_3_0 ? readParameters(frame) : Map.of();
                    out.add(new FrontendMessage.Startup(code, parameters));
                    state = code == PROTOCOL_3_0 ? State.MESSAGES : State.DISCARD;
                }
            }
        } catch (MalformedFrame | IndexOutOfBoundsException e) {
            fail(in, out, "invalid startup packet layout: expected terminator as last byte");
        }
    }

    private static Map<String, String> readParameters(ByteBuf frame) {
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            String name = readString(frame);
            if (name.isEmpty()) {
                break;
            }
            parameters.put(name, readString(frame));
        }
        if (frame.isReadable()) {
            throw new MalformedFrame();
        }
        return Collections.unmodifiableMap(parameters);
    }

    private void decodeMessage(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 5) {
            return;
        }
        byte type = in.getByte(in.readerIndex());
        int length = in.getInt(in.readerIndex() + 1);
        if (length < 4 || length > maxMessageSize) {
            fail(in, out, "invalid message length");
            return;
        }
        if (in.readableBytes() < 1 + length) {
            return;
        }
        in.skipBytes(5);
        ByteBuf body = in.readSlice(length - 4);
        try {
            FrontendMessage message = MessageBodies.read(type, body);
            if (message == null) {
                fail(in, out, "invalid frontend message type " + (type & 0xff));
                return;
            }
            if (body.isReadable()) {
                throw new MalformedFrame();
            }
            out.add(message);
        } catch (MalformedFrame | IndexOutOfBoundsException e) {
            fail(in, out, "invalid message format");
        }
    }

    private void fail(ByteBuf in, List<Object> out, String message) {
        in.skipBytes(in.readableBytes());
        state = State.DISCARD;
        out.add(new FrontendMessage.Malformed(message));
    }

    /** Reads a NUL-terminated UTF-8 string. */
    static String readString(ByteBuf buf) {
        int end = buf.bytesBefore((byte) 0);
        if (end < 0) {
            throw new MalformedFrame();
        }
        String value = buf.toString(buf.readerIndex(), end, StandardCharsets.UTF_8);
        buf.skipBytes(end + 1);
        return value;
    }

    /** A frame whose body does not match its type's layout. */
    static final class MalformedFrame extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedFrame() {
            super(null, null, false, false);
        }
    }
}
