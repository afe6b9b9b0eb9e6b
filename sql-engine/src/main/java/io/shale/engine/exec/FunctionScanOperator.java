package io.shale.engine.exec;

import io.shale.engine.plan.PlanNode;

import java.util.Iterator;

/** A set-returning function in FROM; WITH ORDINALITY appends the row number. */
final class FunctionScanOperator {
    private FunctionScanOperator() {
    }

    static Operator open(PlanNode.FunctionScan node, OperatorFactory factory, ExecContext ctx) {
        Object[] args = GroupKey.eval(factory.evaluators(node.arguments()), null, ctx);
        if (node.strict()) {
            for (Object a : args) {
                if (a == null) {
                    return () -> null;
                }
            }
        }
        Iterator<Object[]> rows = node.function().apply(ctx.session(), args);
        boolean ordinality = node.ordinality();
        int width = node.columns().size();
        return new Operator() {
            long n;

            @Override
            public Object[] next() {
                if (!rows.hasNext()) {
                    return null;
                }
                ctx.checkInterrupted();
                Object[] row = rows.next();
                if (!ordinality) {
                    return row;
                }
                Object[] out = new Object[width];
                System.arraycopy(row, 0, out, 0, width - 1);
                out[width - 1] = ++n;
                return out;
            }
        };
    }
}
