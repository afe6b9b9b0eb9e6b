package io.shale.storage.sstable;

/**
 * A decompressed, validated data block (layout in {@link SortedFileDescriptor}): immutable and
 * shared through the {@link BlockCache}, read through an {@link EntryView}.
 */
final class Block {
    final byte[] data;
    final int count;
    final int offsetsStart;
    final int restartInterval;

    private Block(byte[] data, int count, int offsetsStart, int restartInterval) {
        this.data = data;
        this.count = count;
        this.offsetsStart = offsetsStart;
        this.restartInterval = restartInterval;
    }

    /** Decodes a raw block, or returns null when its structure is invalid. */
    static Block decode(byte[] data, int restartInterval) {
        if (data.length < 4) {
            return null;
        }
        int count = Bytes.getInt(data, data.length - 4);
        long offsetsStart = data.length - 4 - 4L * count;
        if (count <= 0 || offsetsStart < 0) {
            return null;
        }
        Block block = new Block(data, count, (int) offsetsStart, restartInterval);
        return block.entriesValid() ? block : null;
    }

    private boolean entriesValid() {
        int expected = 0;
        int restartKeyLength = 0;
        int[] fields = new int[3];
        for (int i = 0; i < count; i++) {
            if (offset(i) != expected) {
                return false;
            }
            int position = expected;
            for (int f = 0; f < 3; f++) {
                long packed = varint(data, position, offsetsStart);
                if (packed < 0) {
                    return false;
                }
                fields[f] = (int) packed;
                position = (int) (packed >>> 32);
            }
            int shared = fields[0];
            int suffix = fields[1];
            int valueLength = fields[2] - 1;
            boolean restart = i % restartInterval == 0;
            if (shared < 0 || suffix < 0 || valueLength < -1 || (restart ? shared != 0 : shared > restartKeyLength)) {
                return false;
            }
            long end = (long) position + 8 + suffix + Math.max(valueLength, 0);
            if (end > offsetsStart) {
                return false;
            }
            if (restart) {
                restartKeyLength = suffix;
            }
            expected = (int) end;
        }
        return expected == offsetsStart;
    }

    long weight() {
        return data.length + BlockCacheSegment.BLOCK_OVERHEAD;
    }

    int offset(int index) {
        return Bytes.getInt(data, offsetsStart + 4 * index);
    }

    /**
     * Reads a varint at {@code position}: the value in the low 32 bits, the position after it in
     * the high 32 bits; -1 when it runs past {@code limit} or is too long.
     */
    static long varint(byte[] data, int position, int limit) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (position >= limit) {
                return -1;
            }
            int b = data[position++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return ((long) position << 32) | (value & 0xFFFFFFFFL);
            }
        }
        return -1;
    }

    /**
     * The index of the first entry at or after (key, timestamp) in file order; count if none.
     * A binary search over the restart entries (whole keys), then one inside the interval.
     */
    int find(byte[] key, long timestamp, EntryView view) {
        int interval = restartInterval;
        int low = 0;
        int high = (count - 1) / interval + 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            view.load(this, mid * interval);
            if (view.compareTo(key, timestamp) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (low == 0) {
            return 0;
        }
        int from = (low - 1) * interval + 1;
        int to = Math.min(low * interval, count);
        while (from < to) {
            int mid = (from + to) >>> 1;
            view.load(this, mid);
            if (view.compareTo(key, timestamp) < 0) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return from;
    }
}
