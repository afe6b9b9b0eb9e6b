package io.shale.engine.plan;

import io.shale.common.types.SqlType;
import io.shale.engine.function.AggregateFunction;
import io.shale.engine.function.WindowFunction;

import java.util.List;

/**
 * One window function call: either a window function or an aggregate over the frame, with its
 * partitioning, ordering and frame.
 */
public record WindowCall(String name, WindowFunction windowFunction, AggregateFunction aggregate,
                         List<Expr> arguments, List<SqlType> argumentTypes, Expr filter,
                         List<Expr> partitionBy, List<SortKey> orderBy, Frame frame, boolean strict,
                         SqlType type) {
    public WindowCall {
        arguments = List.copyOf(arguments);
        argumentTypes = List.copyOf(argumentTypes);
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /** A window frame: ROWS, RANGE or GROUPS between two bounds. */
    public record Frame(FrameMode mode, Bound start, Bound end) {
        /** PostgreSQL's default: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW. */
        public static Frame defaultFrame() {
            return new Frame(FrameMode.RANGE, new Bound(BoundKind.UNBOUNDED_PRECEDING, null),
                    new Bound(BoundKind.CURRENT_ROW, null));
        }
    }

    public enum FrameMode { ROWS, RANGE, GROUPS }

    public enum BoundKind { UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING }

    /** A frame bound; {@code offset} is set for PRECEDING and FOLLOWING. */
    public record Bound(BoundKind kind, Expr offset) {
    }
}
