package io.shale.catalog.distribution;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.List;

/**
 * The hash → shard lookup of one hash-distributed table over any layout, uniform or not (after
 * splits or tenant isolation): O(1) division on a uniform split, else binary search over the
 * ranges sorted by minimum, O(log N) ({@code reference/citus.md} §3.6). Immutable and
 * thread-safe; lookups allocate nothing (except the exception when no shard matches).
 */
public final class ShardIntervalIndex {
    private final int[] minValues;
    private final int[] maxValues;
    private final boolean uniform;

    /**
     * Builds the index of ranges given in ascending order of minimum value (the order of the
     * table's shards); fails as Citus does when two ranges overlap.
     */
    public ShardIntervalIndex(List<ShardRange> rangesByMinimum) {
        int n = rangesByMinimum.size();
        minValues = new int[n];
        maxValues = new int[n];
        for (int i = 0; i < n; i++) {
            ShardRange r = rangesByMinimum.get(i);
            if (i > 0 && r.minValue() <= maxValues[i - 1]) {
                throw new ShaleException(ErrorCode.INTERNAL_ERROR, minValues[i - 1] > r.minValue()
                        ? "shard ranges must be sorted by minimum value"
                        : "hash partitioned table has overlapping shards");
            }
            minValues[i] = r.minValue();
            maxValues[i] = r.maxValue();
        }
        uniform = ShardRanges.isUniform(rangesByMinimum);
    }

    /** The number of shards. */
    public int shardCount() {
        return minValues.length;
    }

    /** Whether the layout is the uniform split, so lookups are O(1). */
    public boolean isUniform() {
        return uniform;
    }

    /** The position of the shard whose range holds {@code hash}, or -1 when none does. */
    public int find(int hash) {
        if (uniform) {
            return ShardRanges.shardIndex(hash, minValues.length);
        }
        int low = 0;
        int high = minValues.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (hash < minValues[mid]) {
                high = mid - 1;
            } else if (hash > maxValues[mid]) {
                low = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** The position of the shard whose range holds {@code hash}; Citus's error when none does. */
    public int shardIndex(int hash) {
        int index = find(hash);
        if (index < 0) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "cannot find shard interval")
                    .withDetail("Hash of the partition column value does not fall into any shards.");
        }
        return index;
    }
}
