package io.shale.engine.distributed;

import io.shale.grammar.ast.FunctionCall;
import io.shale.grammar.ast.QuerySpecification;

import java.util.Set;

/** The built-in aggregates the multi-shard planner knows: those it splits into partials, and the others. */
final class AggregateNames {
    static final Set<String> SPLITTABLE = Set.of("count", "sum", "avg", "min", "max", "bool_and", "bool_or",
            "every");
    static final Set<String> OTHER_AGGREGATES = Set.of("array_agg", "string_agg", "json_agg", "jsonb_agg",
            "json_object_agg", "jsonb_object_agg", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop",
            "var_samp", "bit_and", "bit_or", "bit_xor", "percentile_cont", "percentile_disc", "mode", "any_value",
            "corr", "covar_pop", "covar_samp", "regr_slope", "regr_intercept", "regr_count", "regr_r2", "regr_avgx",
            "regr_avgy", "regr_sxx", "regr_syy", "regr_sxy", "range_agg", "range_intersect_agg", "xmlagg");

    private AggregateNames() {
    }

    /** Whether a call is one of the built-in aggregates named here. */
    static boolean isAggregate(FunctionCall call) {
        String name = call.name().last();
        return call.name().parts().size() <= 2 && (SPLITTABLE.contains(name) || OTHER_AGGREGATES.contains(name));
    }

    /** Whether a block's select list, HAVING or ORDER BY holds an aggregate call. */
    static boolean aggregates(QuerySpecification spec) {
        return hasAggregate(spec.selectItems()) || hasAggregate(spec.having());
    }

    /** Whether an AST part holds a call of a known aggregate outside a window. */
    static boolean hasAggregate(Object node) {
        for (FunctionCall call : AstNodes.collect(node, FunctionCall.class)) {
            if (call.window() == null && isAggregate(call)) {
                return true;
            }
        }
        return false;
    }
}
