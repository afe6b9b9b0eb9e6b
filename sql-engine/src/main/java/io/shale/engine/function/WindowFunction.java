package io.shale.engine.function;

/**
 * A window-only function (row_number, rank, lag, first_value, …), evaluated once per row of a
 * sorted partition.
 */
@FunctionalInterface
public interface WindowFunction {

    Object evaluate(EvalContext context, WindowFrame frame, Object[] arguments);

    /**
     * The current row's position in its partition and frame. Argument values of other rows are
     * read through {@link #argumentAt}.
     */
    interface WindowFrame {
        /** Number of rows in the partition. */
        int partitionSize();

        /** 0-based index of the current row in the partition. */
        int currentRow();

        /** First and last (inclusive) partition index of the current row's frame; last < first if empty. */
        int frameStart();

        int frameEnd();

        /** First and last (inclusive) partition index of the current row's peer group (ORDER BY ties). */
        int peerStart();

        int peerEnd();

        /** 0-based number of the current row's peer group in the partition (for dense_rank). */
        int peerGroupIndex();

        /** The value of argument {@code argument} evaluated at partition row {@code row}. */
        Object argumentAt(int argument, int row);
    }
}
