package io.shale.catalog.distribution;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.List;

/**
 * The uniform split of the int32 hash space into N shard ranges that Citus makes when it
 * distributes a table ({@code reference/citus.md} §3.5), and the O(1) hash → shard index lookup
 * on that layout (§3.6). Stateless; the lookup allocates nothing.
 */
public final class ShardRanges {
    /** The largest shard count Citus accepts for {@code shard_count}. */
    public static final int MAX_SHARD_COUNT = 64000;

    private static final long HASH_SPACE = 1L << 32;

    private ShardRanges() {
    }

    /** Fails with Citus's message unless {@code 1 <= shardCount <= 64000}. */
    public static void checkShardCount(int shardCount) {
        if (shardCount < 1 || shardCount > MAX_SHARD_COUNT) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, shardCount
                    + " is outside the valid range for parameter \"shard_count\" (1 .. " + MAX_SHARD_COUNT + ")");
        }
    }

    /** {@code floor(2^32 / shardCount)}: the width of every range but possibly the last. */
    public static long increment(int shardCount) {
        return HASH_SPACE / shardCount;
    }

    /** The minimum hash of shard {@code index}: {@code -2^31 + index * inc}. */
    public static int minValue(int index, int shardCount) {
        return (int) (Integer.MIN_VALUE + index * increment(shardCount));
    }

    /** The maximum hash of shard {@code index}; the last shard ends at {@code 2^31 - 1}. */
    public static int maxValue(int index, int shardCount) {
        if (index == shardCount - 1) {
            return Integer.MAX_VALUE;
        }
        return (int) (Integer.MIN_VALUE + (index + 1) * increment(shardCount) - 1);
    }

    /** The range of shard {@code index} of a uniform split. */
    public static ShardRange range(int index, int shardCount) {
        return new ShardRange(minValue(index, shardCount), maxValue(index, shardCount));
    }

    /** All ranges of a uniform split, shard index order (the order shard ids are allocated in). */
    public static List<ShardRange> split(int shardCount) {
        checkShardCount(shardCount);
        List<ShardRange> ranges = new ArrayList<>(shardCount);
        for (int i = 0; i < shardCount; i++) {
            ranges.add(range(i, shardCount));
        }
        return List.copyOf(ranges);
    }

    /**
     * The index of the shard whose uniform range holds {@code hash}: one division, O(1), no
     * allocation. {@code floor((hash + 2^31) / inc)}, clamped to the last shard, which absorbs the
     * remainder of the division.
     */
    public static int shardIndex(int hash, int shardCount) {
        long offset = (long) hash - Integer.MIN_VALUE;
        int index = (int) (offset / (HASH_SPACE / shardCount));
        return index < shardCount ? index : shardCount - 1;
    }

    /** Whether the given ranges, in order, are exactly the uniform split of their count. */
    public static boolean isUniform(List<ShardRange> ranges) {
        int n = ranges.size();
        if (n < 1 || n > MAX_SHARD_COUNT) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            ShardRange r = ranges.get(i);
            if (r.minValue() != minValue(i, n) || r.maxValue() != maxValue(i, n)) {
                return false;
            }
        }
        return true;
    }
}
