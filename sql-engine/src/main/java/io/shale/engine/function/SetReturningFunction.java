package io.shale.engine.function;

import java.util.Iterator;

/**
 * A function that returns a set of rows (generate_series, unnest, json_each, …), callable in
 * FROM and in the select list. Each produced array holds one value per output column.
 */
@FunctionalInterface
public interface SetReturningFunction {
    Iterator<Object[]> apply(EvalContext context, Object[] arguments);
}
