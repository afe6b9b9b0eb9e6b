package io.shale.catalog;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the primitive encodings of {@link CatalogOutput}; a short or malformed input fails with XX001. */
final class CatalogInput {
    private final byte[] bytes;
    private final int end;
    private int position;

    CatalogInput(byte[] bytes, int offset, int end) {
        this.bytes = bytes;
        this.position = offset;
        this.end = end;
    }

    private void need(int count) {
        if (count < 0 || end - position < count) {
            throw corrupt("catalog record ends early at offset " + position);
        }
    }

    static ShaleException corrupt(String message) {
        return new ShaleException(ErrorCode.DATA_CORRUPTED, message);
    }

    int u8() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    boolean bool() {
        return u8() != 0;
    }

    int u16() {
        need(2);
        int v = (bytes[position] & 0xFF) << 8 | (bytes[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    char character() {
        return (char) u16();
    }

    int fixedInt() {
        need(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | (bytes[position++] & 0xFF);
        }
        return v;
    }

    long varLong() {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (v >>> 1) ^ -(v & 1);
            }
        }
        throw corrupt("malformed number in catalog record at offset " + position);
    }

    int varInt() {
        long v = varLong();
        if (v != (int) v) {
            throw corrupt("number out of range in catalog record at offset " + position);
        }
        return (int) v;
    }

    /** A count of following items, each at least one byte long. */
    int count() {
        int n = varInt();
        need(n);
        return n;
    }

    String string() {
        int n = varInt();
        if (n == 0) {
            return null;
        }
        need(n - 1);
        String s = new String(bytes, position, n - 1, StandardCharsets.UTF_8);
        position += n - 1;
        return s;
    }

    List<Short> shorts() {
        int n = count();
        List<Short> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add((short) u16());
        }
        return values;
    }

    boolean atEnd() {
        return position == end;
    }
}
