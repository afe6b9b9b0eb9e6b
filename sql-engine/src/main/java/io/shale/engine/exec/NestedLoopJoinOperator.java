package io.shale.engine.exec;

import io.shale.engine.plan.PlanNode;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Nested-loop join of every kind. The right side is read once and kept, unless the join is
 * LATERAL: then it runs again for each left row, which its outer references see.
 */
final class NestedLoopJoinOperator {
    private NestedLoopJoinOperator() {
    }

    static Operator open(PlanNode.Join node, OperatorFactory factory, ExecContext ctx) {
        int leftWidth = node.left().columns().size();
        int rightWidth = node.right().columns().size();
        Evaluator condition = factory.evaluator(node.condition());
        PlanNode.JoinType type = node.type();
        Operator left = factory.create(node.left(), ctx);
        List<Object[]> rightRows = node.lateral() ? null : OperatorFactory.drain(factory.create(node.right(), ctx));
        boolean[] rightMatched = rightRows != null && (type == PlanNode.JoinType.RIGHT || type == PlanNode.JoinType.FULL)
                ? new boolean[rightRows.size()] : null;
        return new Operator() {
            final ArrayDeque<Object[]> pending = new ArrayDeque<>();
            boolean leftDone;
            int unmatchedRight;

            @Override
            public Object[] next() {
                while (pending.isEmpty()) {
                    if (leftDone) {
                        return nextUnmatchedRight();
                    }
                    Object[] l = left.next();
                    if (l == null) {
                        leftDone = true;
                        continue;
                    }
                    joinOne(l);
                }
                return pending.poll();
            }

            private void joinOne(Object[] l) {
                List<Object[]> rights = rightRows;
                if (rights == null) {
                    ctx.pushOuter(l);
                    try {
                        rights = OperatorFactory.drain(factory.create(node.right(), ctx));
                    } finally {
                        ctx.popOuter();
                    }
                }
                boolean matched = false;
                for (int i = 0; i < rights.size(); i++) {
                    Object[] joined = JoinRows.concat(l, rights.get(i), leftWidth, rightWidth);
                    if (condition != null && !Boolean.TRUE.equals(condition.eval(joined, ctx))) {
                        continue;
                    }
                    matched = true;
                    if (rightMatched != null) {
                        rightMatched[i] = true;
                    }
                    if (type == PlanNode.JoinType.SEMI || type == PlanNode.JoinType.ANTI) {
                        break;
                    }
                    pending.add(joined);
                }
                if (type == PlanNode.JoinType.SEMI && matched || type == PlanNode.JoinType.ANTI && !matched) {
                    pending.add(l);
                } else if (!matched && (type == PlanNode.JoinType.LEFT || type == PlanNode.JoinType.FULL)) {
                    pending.add(JoinRows.concat(l, null, leftWidth, rightWidth));
                }
            }

            private Object[] nextUnmatchedRight() {
                if (rightMatched == null) {
                    return null;
                }
                while (unmatchedRight < rightMatched.length) {
                    int i = unmatchedRight++;
                    if (!rightMatched[i]) {
                        return JoinRows.concat(null, rightRows.get(i), leftWidth, rightWidth);
                    }
                }
                return null;
            }

            @Override
            public void close() {
                left.close();
            }
        };
    }
}
