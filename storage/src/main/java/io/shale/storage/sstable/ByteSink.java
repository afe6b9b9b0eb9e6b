package io.shale.storage.sstable;

import java.util.Arrays;

/** A growable byte array that a writer appends big-endian integers, varints and bytes to. */
final class ByteSink {
    private byte[] data;
    private int length;

    ByteSink(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    int length() {
        return length;
    }

    byte[] data() {
        return data;
    }

    void reset() {
        length = 0;
    }

    private void ensure(int extra) {
        if (length + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, length + extra));
        }
    }

    void writeByte(int value) {
        ensure(1);
        data[length++] = (byte) value;
    }

    void writeInt(int value) {
        ensure(4);
        Bytes.putInt(data, length, value);
        length += 4;
    }

    void writeLong(long value) {
        ensure(8);
        Bytes.putLong(data, length, value);
        length += 8;
    }

    void writeVarint(int value) {
        ensure(5);
        while ((value & ~0x7F) != 0) {
            data[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        data[length++] = (byte) value;
    }

    void writeBytes(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, data, length, count);
        length += count;
    }

    /** A varint length followed by the bytes. */
    void writeKey(byte[] key) {
        writeVarint(key.length);
        writeBytes(key, 0, key.length);
    }
}
