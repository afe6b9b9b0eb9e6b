package io.shale.engine.rebalance;

/** A planned move of the shard group anchored at {@code shardId} from one node to another. */
public record RebalanceMove(long shardId, int sourceNodeId, int targetNodeId) {
}
