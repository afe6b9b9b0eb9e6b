package io.shale.engine.rebalance;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.distribution.RebalanceStrategy;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.citus.DistributionContext;
import io.shale.engine.session.Notice;

import java.util.List;

/**
 * get_rebalance_table_shards_plan(relation, threshold, max_shard_moves, excluded_shard_list,
 * drain_only, rebalance_strategy, improvement_threshold): the planner's moves as rows, its
 * notices raised in the calling session; on the coordinator and on workers alike.
 */
final class RebalancePlanFunction {
    private RebalancePlanFunction() {
    }

    static List<Object[]> rows(DistributionContext context, Object[] a) {
        DatabaseCatalog objects = context.catalog().objects(context.databaseOid());
        RebalanceStrategy strategy = strategy(objects, argument(a, 5) == null ? null : (String) a[5]);
        int relation = argument(a, 0) == null ? 0 : ((Number) a[0]).intValue();
        float threshold = argument(a, 1) == null ? Float.NaN : (Float) a[1];
        int maxMoves = argument(a, 2) == null ? 1_000_000 : (Integer) a[2];
        boolean drainOnly = argument(a, 4) != null && (Boolean) a[4];
        float improvement = argument(a, 6) == null ? Float.NaN : (Float) a[6];
        String logged = context.setting("citus.max_rebalancer_logged_ignored_moves", true);
        RebalanceOptions options = new RebalanceOptions(relation, threshold, maxMoves,
                RebalanceFunctions.excluded(argument(a, 3)), drainOnly, improvement,
                logged == null ? 5 : Integer.parseInt(logged.trim()), RebalanceFunctions.baseCost(context));
        RebalanceInputs inputs = RebalanceInputs.build(context.catalog(), context.databaseOid(), strategy, options,
                RebalanceFunctions.sizes(context));
        checkReplicationFactor(context, inputs.request());
        RebalancePlan plan = RebalancePlanner.plan(inputs.request());
        for (Notice n : plan.notices()) {
            context.notice(n);
        }
        return RebalanceFunctions.planRows(objects, inputs, plan);
    }

    private static Object argument(Object[] a, int index) {
        return index < a.length ? a[index] : null;
    }

    /** The named strategy, or the default one when the name is null. */
    static RebalanceStrategy strategy(DatabaseCatalog objects, String name) {
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
        String value = context.setting("citus.shard_replication_factor", true);
        int factor = value == null ? 1 : Integer.parseInt(value.trim());
        if (request.units().isEmpty()) {
            return;
        }
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
