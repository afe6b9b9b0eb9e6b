package io.shale.engine.rebalance;

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
        RebalanceOptions options = RebalancePlanning.options(context,
                argument(a, 0) == null ? 0 : ((Number) a[0]).intValue(),
                argument(a, 1) == null ? Float.NaN : (Float) a[1],
                argument(a, 2) == null ? 1_000_000 : (Integer) a[2],
                RebalanceFunctions.excluded(argument(a, 3)),
                argument(a, 4) != null && (Boolean) a[4],
                argument(a, 6) == null ? Float.NaN : (Float) a[6]);
        RebalancePlanning.Planned planned = RebalancePlanning.plan(context,
                argument(a, 5) == null ? null : (String) a[5], options);
        for (Notice n : planned.plan().notices()) {
            context.notice(n);
        }
        return RebalanceFunctions.planRows(context.catalog().objects(context.databaseOid()), planned.inputs(),
                planned.plan());
    }

    private static Object argument(Object[] a, int index) {
        return index < a.length ? a[index] : null;
    }
}
