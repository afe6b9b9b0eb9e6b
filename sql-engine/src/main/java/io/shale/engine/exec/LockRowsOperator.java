package io.shale.engine.exec;

import io.shale.engine.plan.PlanNode;
import io.shale.engine.plan.RowMark;

import java.util.Arrays;

/**
 * SELECT … FOR UPDATE/SHARE: locks the marked rows of each input row as it passes. A row deleted
 * meanwhile, or skipped by SKIP LOCKED, is left out; a row changed by a transaction that
 * committed meanwhile is re-checked and its outputs recomputed from the newest version (READ
 * COMMITTED; REPEATABLE READ gets 40001 from the store instead).
 */
final class LockRowsOperator {
    private LockRowsOperator() {
    }

    static Operator open(PlanNode.LockRows node, OperatorFactory factory, ExecContext ctx) {
        Operator input = factory.create(node.input(), ctx);
        RowMark[] marks = node.marks().toArray(new RowMark[0]);
        int source = node.sourceOffset();
        Evaluator recheck = factory.evaluator(node.recheck());
        Evaluator[] outputs = factory.evaluators(node.outputs());
        return new Operator() {
            @Override
            public Object[] next() {
                for (Object[] row = input.next(); row != null; row = input.next()) {
                    Object[] locked = lock(row);
                    if (locked != null) {
                        return locked;
                    }
                }
                return null;
            }

            /** The row with its marked rows locked, brought up to date; null when it drops out. */
            private Object[] lock(Object[] row) {
                Object[] current = row;
                for (RowMark mark : marks) {
                    Object rowId = current[source + mark.rowIdColumn()];
                    if (rowId == null) {
                        continue;
                    }
                    Object[] newest = ctx.tables().lock(ctx.transaction(), mark.table(), (Long) rowId, mark.strength(),
                            mark.waitPolicy());
                    if (newest == null || newest == TableAccess.SKIPPED) {
                        return null;
                    }
                    int at = source + mark.offset();
                    int width = newest.length;
                    if (!Arrays.equals(newest, 0, width, current, at, at + width)) {
                        if (current == row) {
                            current = row.clone();
                        }
                        System.arraycopy(newest, 0, current, at, width);
                    }
                }
                if (current == row) {
                    return row;
                }
                Object[] sourceRow = Arrays.copyOfRange(current, source, current.length);
                if (recheck != null && !Boolean.TRUE.equals(recheck.eval(sourceRow, ctx))) {
                    return null;
                }
                for (int i = 0; i < outputs.length; i++) {
                    current[i] = outputs[i].eval(sourceRow, ctx);
                }
                return current;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }
}
