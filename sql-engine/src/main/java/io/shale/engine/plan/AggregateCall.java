package io.shale.engine.plan;

import io.shale.common.types.SqlType;
import io.shale.engine.function.AggregateFunction;

import java.util.List;

/**
 * One aggregate of an aggregation node: the function, its arguments over the input row,
 * DISTINCT, the ORDER BY inside the call, and FILTER.
 */
public record AggregateCall(String name, AggregateFunction function, List<Expr> arguments,
                            List<SqlType> argumentTypes, boolean distinct, List<SortKey> orderBy,
                            Expr filter, boolean strict, SqlType type) {
    public AggregateCall {
        arguments = List.copyOf(arguments);
        argumentTypes = List.copyOf(argumentTypes);
        orderBy = List.copyOf(orderBy);
    }
}
