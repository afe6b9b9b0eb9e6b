package io.shale.storage.sstable;

import java.util.Arrays;

/**
 * A reusable decoder of one entry of a {@link Block}: where its key parts, timestamp and value
 * lie, so that comparisons and scans allocate nothing. Owned by one thread.
 */
final class EntryView {
    Block block;
    int index;
    int shared;
    int restartKeyStart;
    int suffixStart;
    int suffixLength;
    int valueStart;
    /** -1 for a tombstone. */
    int valueLength;
    long timestamp;
    private Block restartBlock;
    private int restartIndex = -1;
    private int restartStart;

    void load(Block target, int entryIndex) {
        block = target;
        index = entryIndex;
        byte[] data = target.data;
        int limit = target.offsetsStart;
        int position = target.offset(entryIndex);
        long packed = Block.varint(data, position, limit);
        shared = (int) packed;
        packed = Block.varint(data, (int) (packed >>> 32), limit);
        suffixLength = (int) packed;
        packed = Block.varint(data, (int) (packed >>> 32), limit);
        valueLength = (int) packed - 1;
        position = (int) (packed >>> 32);
        timestamp = Bytes.getLong(data, position);
        suffixStart = position + 8;
        valueStart = suffixStart + suffixLength;
        if (shared == 0) {
            restartKeyStart = suffixStart;
        } else {
            int restart = entryIndex - entryIndex % target.restartInterval;
            if (target != restartBlock || restart != restartIndex) {
                restartBlock = target;
                restartIndex = restart;
                restartStart = restartKeyStart(target, restart);
            }
            restartKeyStart = restartStart;
        }
    }

    private static int restartKeyStart(Block target, int restartIndex) {
        byte[] data = target.data;
        int limit = target.offsetsStart;
        long packed = Block.varint(data, target.offset(restartIndex), limit);
        packed = Block.varint(data, (int) (packed >>> 32), limit);
        packed = Block.varint(data, (int) (packed >>> 32), limit);
        return (int) (packed >>> 32) + 8;
    }

    int keyLength() {
        return shared + suffixLength;
    }

    /** Compares this entry's key with {@code key} as unsigned bytes. */
    int compareKey(byte[] key) {
        byte[] data = block.data;
        if (key.length < shared) {
            int c = Bytes.compare(data, restartKeyStart, key.length, key, 0, key.length);
            return c != 0 ? c : 1;
        }
        int c = Bytes.compare(data, restartKeyStart, shared, key, 0, shared);
        if (c != 0) {
            return c;
        }
        return Bytes.compare(data, suffixStart, suffixLength, key, shared, key.length - shared);
    }

    boolean keyEquals(byte[] key) {
        if (key.length != shared + suffixLength) {
            return false;
        }
        byte[] data = block.data;
        return Arrays.equals(data, restartKeyStart, restartKeyStart + shared, key, 0, shared)
                && Arrays.equals(data, suffixStart, suffixStart + suffixLength, key, shared, key.length);
    }

    /** Compares this entry with (key, timestamp) in file order: key ascending, timestamp descending. */
    int compareTo(byte[] key, long otherTimestamp) {
        int c = compareKey(key);
        return c != 0 ? c : Long.compare(otherTimestamp, timestamp);
    }

    byte[] copyKey() {
        byte[] key = new byte[shared + suffixLength];
        System.arraycopy(block.data, restartKeyStart, key, 0, shared);
        System.arraycopy(block.data, suffixStart, key, shared, suffixLength);
        return key;
    }

    /** A copy of the value, or null for a tombstone. */
    byte[] copyValue() {
        return valueLength < 0 ? null : Arrays.copyOfRange(block.data, valueStart, valueStart + valueLength);
    }
}
