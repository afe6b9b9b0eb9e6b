package io.shale.storage.sstable;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/** Big-endian integers, varints, checksums and key prefixes over byte arrays. */
final class Bytes {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    static long getLong(byte[] data, int position) {
        return (long) LONG.get(data, position);
    }

    static void putLong(byte[] data, int position, long value) {
        LONG.set(data, position, value);
    }

    static int getInt(byte[] data, int position) {
        return (int) INT.get(data, position);
    }

    static void putInt(byte[] data, int position, int value) {
        INT.set(data, position, value);
    }

    /**
     * Compares two byte ranges as unsigned bytes, eight at a time: negative, zero or positive as
     * {@code a} sorts before, equal to or after {@code b} (a proper prefix sorts first).
     */
    static int compare(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
        int common = Math.min(aLength, bLength);
        int i = 0;
        for (; i + 8 <= common; i += 8) {
            long x = getLong(a, aFrom + i);
            long y = getLong(b, bFrom + i);
            if (x != y) {
                return Long.compareUnsigned(x, y);
            }
        }
        for (; i < common; i++) {
            int x = a[aFrom + i] & 0xFF;
            int y = b[bFrom + i] & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return aLength - bLength;
    }

    static int crc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    /** The first 8 bytes of a key as a big-endian long, zero-padded when the key is shorter. */
    static long prefixOf(byte[] key) {
        if (key.length >= 8) {
            return getLong(key, 0);
        }
        long prefix = 0;
        for (int i = 0; i < 8; i++) {
            prefix = (prefix << 8) | (i < key.length ? key[i] & 0xFF : 0);
        }
        return prefix;
    }

    static byte[] prefixKey(long prefix) {
        byte[] key = new byte[8];
        putLong(key, 0, prefix);
        return key;
    }

    static int varintLength(int value) {
        int length = 1;
        while ((value & ~0x7F) != 0) {
            value >>>= 7;
            length++;
        }
        return length;
    }

    static ShaleException corrupted(String what, String fileName, long offset) {
        return new ShaleException(ErrorCode.DATA_CORRUPTED,
                "invalid " + what + " in sorted file \"" + fileName + "\" at offset " + offset);
    }
}
