package io.shale.engine.analyze;

import io.shale.common.types.SqlType;
import io.shale.engine.function.AggregateFunction;
import io.shale.engine.function.ScalarFunction;
import io.shale.engine.function.SetReturningFunction;
import io.shale.engine.function.WindowFunction;
import io.shale.engine.plan.OutputColumn;

import java.util.List;

/**
 * A function or operator chosen by overload resolution: what to call, the types the arguments
 * must be cast to, and the result type. Exactly one implementation is set, by kind.
 *
 * @param setColumns for a set-returning function, its output columns
 */
public record ResolvedFunction(String name, Kind kind, List<SqlType> argumentTypes, SqlType returnType,
                               boolean strict, boolean volatileFunction, ScalarFunction scalar,
                               AggregateFunction aggregate, WindowFunction window, SetReturningFunction setReturning,
                               List<OutputColumn> setColumns) {
    public ResolvedFunction {
        argumentTypes = List.copyOf(argumentTypes);
        setColumns = setColumns == null ? List.of() : List.copyOf(setColumns);
    }

    /** What kind of function it is. */
    public enum Kind { SCALAR, AGGREGATE, WINDOW, SET_RETURNING }
}
