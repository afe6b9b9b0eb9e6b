package io.shale.engine.rebalance;

/**
 * A node as the planner sees it: its id, address, capacity from the strategy's
 * node_capacity_function, and whether it should have shards (a node that should not has capacity 0
 * and admits no shard).
 */
public record RebalanceNode(int nodeId, String nodeName, int nodePort, float capacity, boolean shouldHaveShards) {
    /** The capacity the planner uses: 0 on a node that should not have shards. */
    float effectiveCapacity() {
        return shouldHaveShards ? capacity : 0f;
    }
}
