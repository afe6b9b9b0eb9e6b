package io.shale.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds protocol bytes for tests: {@code int} values are int32, {@code short} int16, {@code byte}
 * one byte, {@code String} a NUL-terminated string, {@code byte[]} raw bytes.
 */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Bytes of() {
        return new Bytes();
    }

    /** A typed message: type byte, int32 length, then the parts. */
    Bytes msg(char type, Object... parts) {
        byte[] body = body(parts);
        out.write(type);
        writeInt(body.length + 4);
        out.writeBytes(body);
        return this;
    }

    /** A startup-phase frame: int32 length, then the parts. */
    Bytes frame(Object... parts) {
        byte[] body = body(parts);
        writeInt(body.length + 4);
        out.writeBytes(body);
        return this;
    }

    Bytes raw(Object... parts) {
        out.writeBytes(body(parts));
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void writeInt(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static byte[] body(Object... parts) {
        Bytes body = new Bytes();
        for (Object part : parts) {
            switch (part) {
                case Integer i -> body.writeInt(i);
                case Short s -> {
                    body.out.write(s >>> 8);
                    body.out.write(s);
                }
                case Byte b -> body.out.write(b);
                case Character c -> body.out.write(c);
                case String s -> {
                    body.out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                    body.out.write(0);
                }
                case byte[] b -> body.out.writeBytes(b);
                default -> throw new IllegalArgumentException(part.toString());
            }
        }
        return body.out.toByteArray();
    }
}
