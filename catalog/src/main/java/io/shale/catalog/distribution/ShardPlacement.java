package io.shale.catalog.distribution;

/**
 * One row of {@code pg_dist_placement}: a copy of a shard on the nodes of a group.
 *
 * @param shardState 1 (active)
 * @param shardLength 0, as Citus inserts it
 */
public record ShardPlacement(long placementId, long shardId, int groupId, int shardState, long shardLength) {
}
