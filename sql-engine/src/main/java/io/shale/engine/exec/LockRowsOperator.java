package io.shale.engine.exec;

import io.shale.engine.plan.PlanNode;

/**
 * SELECT … FOR UPDATE/SHARE: locks each row as it passes; rows deleted meanwhile, or skipped by
 * SKIP LOCKED, are left out.
 */
final class LockRowsOperator {
    private LockRowsOperator() {
    }

    static Operator open(PlanNode.LockRows node, OperatorFactory factory, ExecContext ctx) {
        Operator input = factory.create(node.input(), ctx);
        int rowIdColumn = node.rowIdColumn();
        return new Operator() {
            @Override
            public Object[] next() {
                for (Object[] row = input.next(); row != null; row = input.next()) {
                    Object rowId = row[rowIdColumn];
                    if (rowId == null) {
                        return row;
                    }
                    Object[] locked = ctx.tables().lock(ctx.transaction(), node.table(), (Long) rowId,
                            node.strength(), node.waitPolicy());
                    if (locked != null && locked != TableAccess.SKIPPED) {
                        return row;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }
}
