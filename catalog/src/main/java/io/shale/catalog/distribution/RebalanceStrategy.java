package io.shale.catalog.distribution;

import java.util.List;

/**
 * One row of {@code pg_dist_rebalance_strategy} (citus.md §2.7): a named set of cost, capacity and
 * allowed-on-node functions (by name) with the thresholds the rebalancer uses.
 */
public record RebalanceStrategy(String name, boolean defaultStrategy, String shardCostFunction,
                                String nodeCapacityFunction, String shardAllowedOnNodeFunction,
                                float defaultThreshold, float minimumThreshold, float improvementThreshold) {
    /** Citus's built-in rows: by_shard_count, and by_disk_size, the default since Citus 12.0. */
    public static final List<RebalanceStrategy> BUILT_IN = List.of(
            new RebalanceStrategy("by_shard_count", false, "citus_shard_cost_1", "citus_node_capacity_1",
                    "citus_shard_allowed_on_node_true", 0f, 0f, 0f),
            new RebalanceStrategy("by_disk_size", true, "citus_shard_cost_by_disk_size", "citus_node_capacity_1",
                    "citus_shard_allowed_on_node_true", 0.1f, 0.01f, 0.5f));

    /** The same row with another default flag. */
    public RebalanceStrategy withDefault(boolean isDefault) {
        return new RebalanceStrategy(name, isDefault, shardCostFunction, nodeCapacityFunction,
                shardAllowedOnNodeFunction, defaultThreshold, minimumThreshold, improvementThreshold);
    }
}
