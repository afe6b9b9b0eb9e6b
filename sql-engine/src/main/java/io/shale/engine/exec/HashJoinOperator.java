package io.shale.engine.exec;

import io.shale.common.types.SqlType;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Equi-join that hashes the right side on its keys; null keys never match. */
final class HashJoinOperator {
    private HashJoinOperator() {
    }

    static Operator open(PlanNode.HashJoin node, OperatorFactory factory, ExecContext ctx) {
        int leftWidth = node.left().columns().size();
        int rightWidth = node.right().columns().size();
        Evaluator[] leftKeys = factory.evaluators(node.leftKeys());
        Evaluator[] rightKeys = factory.evaluators(node.rightKeys());
        SqlType[] keyTypes = GroupKey.types(node.rightKeys());
        Evaluator residual = factory.evaluator(node.residual());
        PlanNode.JoinType type = node.type();
        List<Object[]> rightRows = OperatorFactory.drain(factory.create(node.right(), ctx));
        Map<GroupKey, List<Integer>> table = new HashMap<>();
        for (int i = 0; i < rightRows.size(); i++) {
            GroupKey key = new GroupKey(GroupKey.eval(rightKeys, rightRows.get(i), ctx), keyTypes);
            if (!key.hasNull()) {
                table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(i);
            }
        }
        boolean[] rightMatched = type == PlanNode.JoinType.RIGHT || type == PlanNode.JoinType.FULL
                ? new boolean[rightRows.size()] : null;
        Operator left = factory.create(node.left(), ctx);
        return new Operator() {
            final ArrayDeque<Object[]> pending = new ArrayDeque<>();
            boolean leftDone;
            int unmatched;

            @Override
            public Object[] next() {
                while (pending.isEmpty()) {
                    if (leftDone) {
                        return nextUnmatched();
                    }
                    Object[] l = left.next();
                    if (l == null) {
                        leftDone = true;
                        continue;
                    }
                    probe(l);
                }
                return pending.poll();
            }

            private void probe(Object[] l) {
                GroupKey key = new GroupKey(GroupKey.eval(leftKeys, l, ctx), keyTypes);
                List<Integer> candidates = key.hasNull() ? null : table.get(key);
                boolean matched = false;
                if (candidates != null) {
                    for (int i : candidates) {
                        Object[] joined = JoinRows.concat(l, rightRows.get(i), leftWidth, rightWidth);
                        if (residual != null && !Boolean.TRUE.equals(residual.eval(joined, ctx))) {
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
                }
                if (type == PlanNode.JoinType.SEMI && matched || type == PlanNode.JoinType.ANTI && !matched) {
                    pending.add(l);
                } else if (!matched && (type == PlanNode.JoinType.LEFT || type == PlanNode.JoinType.FULL)) {
                    pending.add(JoinRows.concat(l, null, leftWidth, rightWidth));
                }
            }

            private Object[] nextUnmatched() {
                if (rightMatched == null) {
                    return null;
                }
                while (unmatched < rightMatched.length) {
                    int i = unmatched++;
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
