package io.shale.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A growable byte buffer with the primitive encodings of {@link CatalogCodec}. Not thread-safe. */
final class CatalogOutput {
    private byte[] bytes = new byte[4096];
    private int length;

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    void u8(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    void bool(boolean value) {
        u8(value ? 1 : 0);
    }

    void u16(int value) {
        ensure(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
    }

    void fixedInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    /** An unsigned LEB128 varint of the zig-zag form of {@code value}. */
    void varLong(long value) {
        long v = (value << 1) ^ (value >> 63);
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[length++] = (byte) v;
    }

    void varInt(int value) {
        varLong(value);
    }

    /** A nullable string: its UTF-8 length plus one (0 for null), then the bytes. */
    void string(String value) {
        if (value == null) {
            varInt(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varInt(utf8.length + 1);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    void shorts(List<Short> values) {
        varInt(values.size());
        for (short s : values) {
            u16(s);
        }
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }
}
