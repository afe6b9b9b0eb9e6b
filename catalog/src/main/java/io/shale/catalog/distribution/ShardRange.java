package io.shale.catalog.distribution;

/**
 * The inclusive hash range {@code [minValue, maxValue]} of one hash shard, as
 * {@code pg_dist_shard.shardminvalue / shardmaxvalue} hold it in decimal text.
 */
public record ShardRange(int minValue, int maxValue) {
    public ShardRange {
        if (minValue > maxValue) {
            throw new IllegalArgumentException("shard range [" + minValue + "," + maxValue + "] is empty");
        }
    }

    /** Whether a hash falls into this range. */
    public boolean contains(int hash) {
        return hash >= minValue && hash <= maxValue;
    }

    /** {@code shardminvalue} as pg_dist_shard prints it. */
    public String minText() {
        return Integer.toString(minValue);
    }

    /** {@code shardmaxvalue} as pg_dist_shard prints it. */
    public String maxText() {
        return Integer.toString(maxValue);
    }
}
