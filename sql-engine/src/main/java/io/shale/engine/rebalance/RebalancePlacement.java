package io.shale.engine.rebalance;

/** One placement of a shard group's anchor shard on a node, with its cost from the strategy's shard_cost_function. */
public record RebalancePlacement(long shardId, int nodeId, float cost) {
}
