package io.shale.catalog.distribution;

/**
 * One row of {@code pg_dist_shard}, plus the oid of the shard relation ({@code <table>_<shardid>})
 * that holds the shard's rows on the nodes of its placements.
 *
 * @param storage {@code 't'} table
 * @param minValue the int32 hash lower bound as decimal text, null for unhashed tables
 * @param maxValue the int32 hash upper bound as decimal text, null for unhashed tables
 */
public record Shard(long shardId, int relationOid, int shardRelationOid, char storage, String minValue,
                    String maxValue) {

    /** The hash range of a hash shard, or null for a shard without bounds. */
    public ShardRange range() {
        return minValue == null || maxValue == null ? null
                : new ShardRange(Integer.parseInt(minValue), Integer.parseInt(maxValue));
    }
}
