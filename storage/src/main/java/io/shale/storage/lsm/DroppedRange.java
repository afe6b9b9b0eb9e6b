package io.shale.storage.lsm;

import java.util.Arrays;

/**
 * A range destroyed by {@link LsmKeyValueStore#destroyRange}: sorted-file entries of its keys
 * committed at or before {@code timestamp} are gone (hidden from reads until compaction removes
 * them); a later write to the range is kept.
 *
 * @param fromInclusive null: from the start
 * @param toExclusive null: unbounded
 */
record DroppedRange(byte[] fromInclusive, byte[] toExclusive, long timestamp) {

    boolean hides(byte[] key, long entryTimestamp) {
        return entryTimestamp <= timestamp && contains(key);
    }

    boolean contains(byte[] key) {
        return (fromInclusive == null || Arrays.compareUnsigned(key, fromInclusive) >= 0)
                && (toExclusive == null || Arrays.compareUnsigned(key, toExclusive) < 0);
    }

    /** Whether the range covers all of {@code [from, to)}. */
    boolean covers(byte[] from, byte[] to) {
        boolean lower = fromInclusive == null || from != null && Arrays.compareUnsigned(from, fromInclusive) >= 0;
        boolean upper = toExclusive == null || to != null && Arrays.compareUnsigned(to, toExclusive) <= 0;
        return lower && upper;
    }
}
