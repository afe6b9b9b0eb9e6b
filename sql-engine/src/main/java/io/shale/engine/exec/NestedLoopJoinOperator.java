package io.shale.engine.exec;

import io.shale.engine.plan.PlanNode;

import java.util.List;

/**
 * Nested-loop join of every kind. The right side is read once and kept, unless the join is
 * LATERAL: then it runs again for each left row, which its outer references see.
 */
final class NestedLoopJoinOperator {
    private NestedLoopJoinOperator() {
    }

    static Operator open(PlanNode.Join node, OperatorFactory factory, ExecContext ctx) {
        Evaluator condition = factory.evaluator(node.condition());
        Operator left = factory.create(node.left(), ctx);
        List<Object[]> rightRows = node.lateral() ? null : OperatorFactory.drain(factory.create(node.right(), ctx));
        JoinEmitter emitter = new JoinEmitter(node.type(), node.left().columns().size(), node.right().columns().size(),
                rightRows);
        return new Operator() {
            boolean leftDone;

            @Override
            public Object[] next() {
                while (!emitter.hasPending()) {
                    if (leftDone) {
                        return emitter.nextUnmatchedRight();
                    }
                    Object[] l = left.next();
                    if (l == null) {
                        leftDone = true;
                        continue;
                    }
                    emitter.join(l, rightRows != null ? rightRows : lateralRows(l), null, condition, ctx);
                }
                return emitter.poll();
            }

            private List<Object[]> lateralRows(Object[] l) {
                ctx.pushOuter(l);
                try {
                    return OperatorFactory.drain(factory.create(node.right(), ctx));
                } finally {
                    ctx.popOuter();
                }
            }

            @Override
            public void close() {
                left.close();
            }
        };
    }
}
