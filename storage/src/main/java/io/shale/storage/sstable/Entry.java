package io.shale.storage.sstable;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One version of a key in a sorted file: the key, its commit timestamp and its value, or
 * {@code null} for a tombstone. The arrays are shared: never modify them. Equality compares
 * the arrays' contents.
 */
public record Entry(byte[] key, long timestamp, byte[] value) {

    public boolean isTombstone() {
        return value == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entry entry && timestamp == entry.timestamp && Arrays.equals(key, entry.key)
                && Arrays.equals(value, entry.value);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(key) * 31 + Long.hashCode(timestamp)) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Entry[" + HexFormat.of().formatHex(key) + "@" + timestamp + "="
                + (value == null ? "tombstone" : value.length + " bytes") + "]";
    }
}
