package io.shale.engine.rebalance;

/** The strategy's shard_allowed_on_node_function: whether a shard may be placed on a node. */
@FunctionalInterface
public interface ShardAllowedOnNode {
    /** Allows every shard everywhere (citus_shard_allowed_on_node_true). */
    ShardAllowedOnNode ALWAYS = (shardId, nodeId) -> true;

    boolean allowed(long shardId, int nodeId);
}
