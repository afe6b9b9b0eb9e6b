package io.shale.storage.sstable;

/**
 * One version of a key in a sorted file: the key, its commit timestamp and its value, or
 * {@code null} for a tombstone. The arrays are shared: never modify them.
 */
public record Entry(byte[] key, long timestamp, byte[] value) {

    public boolean isTombstone() {
        return value == null;
    }
}
