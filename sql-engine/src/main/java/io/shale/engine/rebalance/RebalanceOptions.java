package io.shale.engine.rebalance;

import java.util.Set;

/**
 * The rebalancer's options as the SQL functions take them (citus.md §7.1): the relation whose
 * colocation group alone is balanced (0: all groups), the threshold and improvement threshold
 * (NaN: the strategy's), the move limit, excluded shards, drain_only,
 * citus.max_rebalancer_logged_ignored_moves and citus.rebalancer_by_disk_size_base_cost.
 */
public record RebalanceOptions(int relationOid, float threshold, int maxShardMoves, Set<Long> excludedShards,
                               boolean drainOnly, float improvementThreshold, int maxLoggedIgnoredMoves,
                               long diskSizeBaseCost) {
    public RebalanceOptions {
        excludedShards = Set.copyOf(excludedShards);
    }
}
