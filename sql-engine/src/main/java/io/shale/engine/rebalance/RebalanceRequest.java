package io.shale.engine.rebalance;

import java.util.List;

/**
 * What the planner balances: the active nodes (sorted by name and port), the balancing units
 * (each a list of anchor placements; a colocation group, or the pooled small groups), the
 * strategy's allowed-function, the threshold asked for (NaN: the strategy's default) and the
 * strategy's minimum, the move limit, drain_only, the improvement threshold and
 * citus.max_rebalancer_logged_ignored_moves (−1: all).
 */
public record RebalanceRequest(List<RebalanceNode> nodes, List<List<RebalancePlacement>> units,
                               ShardAllowedOnNode allowed, float threshold, float minimumThreshold,
                               int maxShardMoves, boolean drainOnly, float improvementThreshold,
                               int maxLoggedIgnoredMoves) {
    public RebalanceRequest {
        nodes = List.copyOf(nodes);
        units = units.stream().map(List::copyOf).toList();
    }
}
