package io.shale.engine.exec;

import io.shale.common.types.RowValue;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.PlanNode;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Runs the set-returning functions of a select list in lockstep: per input row, each output row
 * is the input row followed by the next value of every call (null once a call's set has ended),
 * until all sets have ended.
 */
final class ProjectSetOperator {
    private ProjectSetOperator() {
    }

    static Operator open(PlanNode.ProjectSet node, OperatorFactory factory, ExecContext ctx) {
        Operator input = factory.create(node.input(), ctx);
        List<Expr.SetCall> calls = node.calls();
        Evaluator[][] arguments = new Evaluator[calls.size()][];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = factory.evaluators(calls.get(i).arguments());
        }
        int width = node.columns().size();
        return new Operator() {
            private Object[] current;
            private final Iterator<?>[] sets = new Iterator<?>[calls.size()];

            @Override
            public Object[] next() {
                while (true) {
                    if (current != null) {
                        Object[] out = advance();
                        if (out != null) {
                            return out;
                        }
                    }
                    current = input.next();
                    if (current == null) {
                        return null;
                    }
                    for (int i = 0; i < sets.length; i++) {
                        sets[i] = start(calls.get(i), arguments[i], current);
                    }
                }
            }

            private Iterator<Object[]> start(Expr.SetCall call, Evaluator[] args, Object[] row) {
                Object[] values = new Object[args.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = args[i].eval(row, ctx);
                    if (values[i] == null && call.strict()) {
                        return Collections.emptyIterator();
                    }
                }
                return call.function().apply(ctx.session(), values);
            }

            private Object[] advance() {
                Object[] out = new Object[width];
                int inputWidth = current.length;
                System.arraycopy(current, 0, out, 0, inputWidth);
                boolean any = false;
                for (int i = 0; i < sets.length; i++) {
                    if (sets[i].hasNext()) {
                        Object[] produced = (Object[]) sets[i].next();
                        any = true;
                        out[inputWidth + i] = calls.get(i).columnCount() == 1 ? produced[0] : new RowValue(produced);
                    }
                }
                if (!any) {
                    current = null;
                    return null;
                }
                ctx.checkInterrupted();
                return out;
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }
}
