package io.shale.wire;

import io.netty.buffer.ByteBuf;

import static io.shale.wire.PgDecoder.readString;

/** Reads the body of a typed frontend message (after the type byte and length). */
final class MessageBodies {
    private MessageBodies() {
    }

    /** The message, or null for an unknown type byte. */
    static FrontendMessage read(byte type, ByteBuf body) {
        return switch (type) {
            case 'Q' -> new FrontendMessage.Query(readString(body));
            case 'P' -> parse(body);
            case 'B' -> bind(body);
            case 'D' -> new FrontendMessage.Describe(body.readByte(), readString(body));
            case 'E' -> new FrontendMessage.Execute(readString(body), body.readInt());
            case 'C' -> new FrontendMessage.Close(body.readByte(), readString(body));
            case 'S' -> new FrontendMessage.Sync();
            case 'H' -> new FrontendMessage.Flush();
            case 'X' -> new FrontendMessage.Terminate();
            case 'd' -> new FrontendMessage.CopyData(bytes(body, body.readableBytes()));
            case 'c' -> new FrontendMessage.CopyDone();
            case 'f' -> new FrontendMessage.CopyFail(readString(body));
            case 'p' -> new FrontendMessage.PasswordMessage(bytes(body, body.readableBytes()));
            default -> null;
        };
    }

    private static FrontendMessage parse(ByteBuf body) {
        String name = readString(body);
        String sql = readString(body);
        int count = count(body, 4);
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = body.readInt();
        }
        return new FrontendMessage.Parse(name, sql, types);
    }

    private static FrontendMessage bind(ByteBuf body) {
        String portal = readString(body);
        String statement = readString(body);
        short[] parameterFormats = shorts(body);
        int count = count(body, 4);
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            int length = body.readInt();
            if (length < -1) {
                throw new PgDecoder.MalformedFrame();
            }
            values[i] = length == -1 ? null : bytes(body, length);
        }
        return new FrontendMessage.Bind(portal, statement, parameterFormats, values, shorts(body));
    }

    private static short[] shorts(ByteBuf body) {
        int count = count(body, 2);
        short[] values = new short[count];
        for (int i = 0; i < count; i++) {
            values[i] = body.readShort();
        }
        return values;
    }

    /** An int16 count, checked against the bytes left given the minimum size of one entry. */
    private static int count(ByteBuf body, int minEntrySize) {
        int count = body.readUnsignedShort();
        if ((long) count * minEntrySize > body.readableBytes()) {
            throw new PgDecoder.MalformedFrame();
        }
        return count;
    }

    private static byte[] bytes(ByteBuf body, int length) {
        if (length > body.readableBytes()) {
            throw new PgDecoder.MalformedFrame();
        }
        byte[] data = new byte[length];
        body.readBytes(data);
        return data;
    }
}
