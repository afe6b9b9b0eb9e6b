package io.shale.common.types;

/** A cursor over an encoded key, for {@link KeyCodec#decode}. Not thread-safe. */
public final class KeyReader {
    private final byte[] buf;
    private int pos;

    public KeyReader(byte[] buf) {
        this(buf, 0);
    }

    public KeyReader(byte[] buf, int pos) {
        this.buf = buf;
        this.pos = pos;
    }

    public int position() {
        return pos;
    }

    public boolean hasMore() {
        return pos < buf.length;
    }

    int next(int mask) {
        return (buf[pos++] ^ mask) & 0xFF;
    }

    int peek(int mask) {
        return (buf[pos] ^ mask) & 0xFF;
    }

    long fixed(int bytes, int mask) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | next(mask);
        }
        return v;
    }

    /** Reads an escaped byte string up to and including its terminator. */
    byte[] escaped(int mask) {
        ByteSink out = new ByteSink(16);
        while (true) {
            int b = next(mask);
            if (b != 0) {
                out.putByte(b);
                continue;
            }
            int e = next(mask);
            if (e == KeyCodec.ESCAPED_ZERO) {
                out.putByte(0);
            } else {
                return out.toByteArray();
            }
        }
    }
}
