package io.shale.engine.rebalance;

import io.shale.engine.citus.DistributionContext;

import java.util.Set;

/**
 * citus_drain_node(nodename, nodeport, shard_transfer_mode, rebalance_strategy) (citus.md §1.6): marks the node
 * shouldhaveshards = false in a session of its own (committed at once, as Citus does over a new connection), then
 * runs the rebalancer in the foreground with drain_only, which moves every shard off each node that should not
 * have shards.
 */
final class DrainNode {
    private DrainNode() {
    }

    static void drain(DistributionContext context, int ownerOid, String nodeName, int nodePort, String mode,
                      String strategy) {
        RebalanceChecks.requireCoordinator(context);
        ForegroundRebalance rebalance = new ForegroundRebalance(context, ownerOid);
        context.whileWaitingForMoves(() -> {
            rebalance.step("SELECT pg_catalog.citus_set_node_property(" + ForegroundRebalance.quote(nodeName) + ", " + nodePort + ", 'shouldhaveshards', false)");
            return null;
        });
        RebalanceOptions options = RebalancePlanning.options(context, 0, Float.NaN, 1_000_000, Set.of(), true,
                Float.NaN);
        rebalance.run(options, strategy, mode);
    }
}
