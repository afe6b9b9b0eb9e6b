package io.shale.common.types;

import java.util.Arrays;

/**
 * A growable big-endian byte buffer that codecs write into; reusable through {@link #reset()}.
 * Not thread-safe.
 */
public final class ByteSink {
    private byte[] buf;
    private int len;

    public ByteSink() {
        this(64);
    }

    public ByteSink(int capacity) {
        buf = new byte[Math.max(capacity, 8)];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    public ByteSink putByte(int b) {
        ensure(1);
        buf[len++] = (byte) b;
        return this;
    }

    public ByteSink putShort(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteSink putInt(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteSink putLong(long v) {
        putInt((int) (v >>> 32));
        return putInt((int) v);
    }

    public ByteSink putBytes(byte[] b) {
        return putBytes(b, 0, b.length);
    }

    public ByteSink putBytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Writes an unsigned LEB128 variable-length integer (non-negative values). */
    public ByteSink putVarint(int v) {
        while ((v & ~0x7F) != 0) {
            putByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        return putByte(v);
    }

    /** Overwrites a byte already written at {@code pos}. */
    public void setByte(int pos, int b) {
        buf[pos] = (byte) b;
    }

    /** Inverts every byte from {@code from} to the end (descending key columns). */
    public void invert(int from) {
        for (int i = from; i < len; i++) {
            buf[i] = (byte) ~buf[i];
        }
    }

    public int length() {
        return len;
    }

    /** Drops the content, keeping the capacity. */
    public void reset() {
        len = 0;
    }

    /** Shrinks the content to its first {@code n} bytes. */
    public void truncate(int n) {
        len = n;
    }

    /** The internal buffer (valid up to {@link #length()}); do not keep it across writes. */
    byte[] toByteArrayView() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
