package io.shale.engine.function;

import io.shale.common.types.SqlType;

import java.util.List;

/** What a function is and its implementation: scalar, aggregate, window or set-returning. */
public sealed interface FunctionKind {

    /** pg_proc.prokind: 'f' for scalar and set-returning functions, 'a' aggregates, 'w' window functions. */
    char prokind();

    /** A function of one row's values. */
    record Scalar(ScalarFunction implementation) implements FunctionKind {
        @Override
        public char prokind() {
            return 'f';
        }
    }

    /**
     * An aggregate; also usable as a window function over a frame. An ordered-set aggregate
     * (percentile_cont, mode, … WITHIN GROUP (ORDER BY v)) is given its direct arguments first
     * and the ordered value last, in the WITHIN GROUP order, one row at a time.
     */
    record Aggregate(AggregateFunction implementation, boolean orderedSet) implements FunctionKind {
        public Aggregate(AggregateFunction implementation) {
            this(implementation, false);
        }

        @Override
        public char prokind() {
            return 'a';
        }
    }

    /** A window-only function. */
    record Window(WindowFunction implementation) implements FunctionKind {
        @Override
        public char prokind() {
            return 'w';
        }
    }

    /**
     * A set-returning function and its output columns; a single-column function's column is named
     * after the function in FROM. Column types may be polymorphic (resolved like return types).
     */
    record SetReturning(SetReturningFunction implementation, List<String> columnNames,
                        List<SqlType> columnTypes) implements FunctionKind {
        public SetReturning {
            columnNames = List.copyOf(columnNames);
            columnTypes = List.copyOf(columnTypes);
        }

        @Override
        public char prokind() {
            return 'f';
        }
    }
}
