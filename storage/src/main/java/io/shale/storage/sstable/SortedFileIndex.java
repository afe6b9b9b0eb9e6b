package io.shale.storage.sstable;

import java.util.Arrays;

/** The block index of a sorted file: each block's offset, on-disk length and last entry. Immutable. */
final class SortedFileIndex {
    private final long[] offsets;
    private final int[] lengths;
    private final long[] lastTimestamps;
    private final byte[][] lastKeys;

    SortedFileIndex(long[] offsets, int[] lengths, long[] lastTimestamps, byte[][] lastKeys) {
        this.offsets = offsets;
        this.lengths = lengths;
        this.lastTimestamps = lastTimestamps;
        this.lastKeys = lastKeys;
    }

    static SortedFileIndex readFrom(ByteSource source, long dataEnd, String fileName, long sectionOffset) {
        int count = source.readCount(21);
        long[] offsets = new long[count];
        int[] lengths = new int[count];
        long[] lastTimestamps = new long[count];
        byte[][] lastKeys = new byte[count][];
        long expected = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = source.readLong();
            lengths[i] = source.readInt();
            lastTimestamps[i] = source.readLong();
            lastKeys[i] = source.readKey();
            if (offsets[i] != expected || lengths[i] < SortedFileDescriptor.BLOCK_TRAILER_LENGTH) {
                throw Bytes.corrupted("block index", fileName, sectionOffset);
            }
            expected = offsets[i] + lengths[i];
        }
        if (expected != dataEnd) {
            throw Bytes.corrupted("block index", fileName, sectionOffset);
        }
        return new SortedFileIndex(offsets, lengths, lastTimestamps, lastKeys);
    }

    int count() {
        return offsets.length;
    }

    long offset(int block) {
        return offsets[block];
    }

    int length(int block) {
        return lengths[block];
    }

    byte[] lastKey(int block) {
        return lastKeys[block];
    }

    /** The first block whose last entry is at or after (key, timestamp) in file order; count() if none. */
    int find(byte[] key, long timestamp) {
        int low = 0;
        int high = offsets.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            int c = Bytes.compare(lastKeys[mid], 0, lastKeys[mid].length, key, 0, key.length);
            if (c < 0 || (c == 0 && lastTimestamps[mid] > timestamp)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Estimated bytes of the blocks overlapping [from, to): whole inner blocks, half of the edge ones. */
    long estimate(byte[] from, byte[] to) {
        long total = 0;
        for (int b = from == null ? 0 : find(from, Long.MAX_VALUE); b < offsets.length; b++) {
            if (to != null && b > 0 && Arrays.compareUnsigned(lastKeys[b - 1], to) >= 0) {
                break;
            }
            boolean fromInside = from == null || (b > 0 && Arrays.compareUnsigned(lastKeys[b - 1], from) >= 0);
            boolean toInside = to == null || Arrays.compareUnsigned(lastKeys[b], to) < 0;
            total += fromInside && toInside ? lengths[b] : lengths[b] / 2;
        }
        return total;
    }
}
