package io.shale.engine.function;

import io.shale.common.types.SqlType;

import java.util.List;

/**
 * An aggregate: a factory of per-group accumulators. DISTINCT, ORDER BY and FILTER of a call
 * are handled by the executor before {@link Accumulator#add}; strict aggregates are not given
 * rows whose arguments contain a null.
 */
@FunctionalInterface
public interface AggregateFunction {

    Accumulator create(EvalContext context, List<SqlType> argumentTypes);

    /** The running state of one group (or one window frame). */
    interface Accumulator {
        void add(Object[] arguments);

        /** The aggregate's value over the rows added so far (called once, or once per frame). */
        Object result();

        /**
         * Removes a row added earlier (moving window frames). Returns false when the aggregate
         * cannot, and the executor then recomputes the frame.
         */
        default boolean remove(Object[] arguments) {
            return false;
        }
    }
}
