package io.shale.engine.exec;

import io.shale.common.types.SqlType;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Equi-join that hashes the right side on its keys; null keys never match. */
final class HashJoinOperator {
    private HashJoinOperator() {
    }

    static Operator open(PlanNode.HashJoin node, OperatorFactory factory, ExecContext ctx) {
        Evaluator[] leftKeys = factory.evaluators(node.leftKeys());
        Evaluator[] rightKeys = factory.evaluators(node.rightKeys());
        SqlType[] keyTypes = GroupKey.types(node.rightKeys());
        Evaluator residual = factory.evaluator(node.residual());
        List<Object[]> rightRows = OperatorFactory.drain(factory.create(node.right(), ctx));
        Map<GroupKey, List<Integer>> table = new HashMap<>();
        for (int i = 0; i < rightRows.size(); i++) {
            GroupKey key = new GroupKey(GroupKey.eval(rightKeys, rightRows.get(i), ctx), keyTypes);
            if (!key.hasNull()) {
                table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(i);
            }
        }
        JoinEmitter emitter = new JoinEmitter(node.type(), node.left().columns().size(), node.right().columns().size(),
                rightRows);
        Operator left = factory.create(node.left(), ctx);
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
                    GroupKey key = new GroupKey(GroupKey.eval(leftKeys, l, ctx), keyTypes);
                    List<Integer> candidates = key.hasNull() ? null : table.get(key);
                    emitter.join(l, rightRows, candidates == null ? List.of() : candidates, residual, ctx);
                }
                return emitter.poll();
            }

            @Override
            public void close() {
                left.close();
            }
        };
    }
}
