package io.shale.engine.rebalance;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.distribution.RebalanceStrategy;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.citus.DistributionContext;

import java.util.Set;

/**
 * The rebalancer's planning in a session, for get_rebalance_table_shards_plan and for the functions
 * that execute a plan (rebalance_table_shards, citus_rebalance_start): strategy look-up, options
 * from the session's settings, inputs measured on the nodes, and the plan. The caller raises the
 * plan's notices in its session.
 */
public final class RebalancePlanning {
    private RebalancePlanning() {
    }

    /** The plan and what it was made from. */
    public record Planned(RebalanceStrategy strategy, RebalanceInputs inputs, RebalancePlan plan) {
    }

    /**
     * Options with the session's citus.max_rebalancer_logged_ignored_moves and
     * citus.rebalancer_by_disk_size_base_cost; NaN thresholds stand for the strategy's.
     */
    public static RebalanceOptions options(DistributionContext context, int relationOid, float threshold,
                                           int maxShardMoves, Set<Long> excludedShards, boolean drainOnly,
                                           float improvementThreshold) {
        String logged = context.setting("citus.max_rebalancer_logged_ignored_moves", true);
        return new RebalanceOptions(relationOid, threshold, maxShardMoves, excludedShards, drainOnly,
                improvementThreshold, logged == null ? 5 : Integer.parseInt(logged.trim()),
                RebalanceFunctions.baseCost(context));
    }

    /** Plans the session's database with a strategy (null: the default one). */
    public static Planned plan(DistributionContext context, String strategyName, RebalanceOptions options) {
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        RebalanceStrategy strategy = strategy(objects, strategyName);
        RebalanceInputs inputs = RebalanceInputs.build(context.catalog(), context.databaseOid(), strategy, options,
                RebalanceFunctions.sizes(context));
        checkReplicationFactor(context, inputs.request());
        return new Planned(strategy, inputs, RebalancePlanner.plan(inputs.request()));
    }

    /** The named strategy, or the default one when the name is null. */
    public static RebalanceStrategy strategy(DatabaseCatalog objects, String name) {
        for (RebalanceStrategy s : objects.rebalanceStrategies()) {
            if (name == null ? s.defaultStrategy() : s.name().equals(name)) {
                return s;
            }
        }
        if (name == null) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR,
                    "no rebalance_strategy was provided, but there is also no default strategy set");
        }
        throw new ShaleException(ErrorCode.INTERNAL_ERROR, "could not find rebalance strategy with name " + name);
    }

    private static void checkReplicationFactor(DistributionContext context, RebalanceRequest request) {
        if (request.units().isEmpty()) {
            return;
        }
        String value = context.setting("citus.shard_replication_factor", true);
        int factor = value == null ? 1 : Integer.parseInt(value.trim());
        int allowed = 0;
        for (RebalanceNode n : request.nodes()) {
            allowed += n.shouldHaveShards() ? 1 : 0;
        }
        if (allowed < factor) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "Shard replication factor (" + factor
                    + ") cannot be greater than number of nodes with should_have_shards=true (" + allowed + ").");
        }
    }
}
