package io.shale.catalog.distribution;

/**
 * One row of {@code pg_dist_colocation}: tables whose shards line up range by range and sit on
 * the same nodes.
 *
 * @param replicationFactor -1 for the reference table group
 * @param distributionColumnType type oid, 0 for the reference and single-shard groups
 * @param distributionColumnCollation collation oid, 0 when the type is not collatable
 */
public record ColocationGroup(int colocationId, int shardCount, int replicationFactor,
                              int distributionColumnType, int distributionColumnCollation) {
}
