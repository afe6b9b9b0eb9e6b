package io.shale.engine.exec;

import java.util.Arrays;

/** A growable byte buffer for building store keys, with big-endian integers. Not thread-safe. */
public final class KeyBytes {
    private byte[] bytes = new byte[32];
    private int length;

    public static KeyBytes ofLong(long value) {
        return new KeyBytes().appendLong(value);
    }

    public KeyBytes appendLong(long value) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            bytes[length++] = (byte) (value >>> (i * 8));
        }
        return this;
    }

    public KeyBytes append(byte[] more) {
        ensure(more.length);
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
        return this;
    }

    public KeyBytes append(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    public int length() {
        return length;
    }

    public byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The smallest key greater than every key that starts with these bytes. */
    public byte[] prefixEnd() {
        byte[] end = Arrays.copyOf(bytes, length);
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    public static long readLong(byte[] key, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (key[offset + i] & 0xFF);
        }
        return v;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
