package io.shale.engine.exec;

import io.shale.common.types.SqlType;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** UNION, INTERSECT and EXCEPT (with and without ALL), and WITH RECURSIVE. */
final class SetOperations {
    private SetOperations() {
    }

    static Operator open(PlanNode.SetOperation node, OperatorFactory factory, ExecContext ctx) {
        SqlType[] types = types(node.columns());
        if (node.kind() == PlanNode.SetOperationKind.UNION && node.all()) {
            Operator left = factory.create(node.left(), ctx);
            return new Operator() {
                Operator current = left;
                boolean onRight;

                @Override
                public Object[] next() {
                    Object[] row = current.next();
                    if (row == null && !onRight) {
                        current.close();
                        current = factory.create(node.right(), ctx);
                        onRight = true;
                        row = current.next();
                    }
                    return row;
                }

                @Override
                public void close() {
                    current.close();
                }
            };
        }
        List<Object[]> leftRows = OperatorFactory.drain(factory.create(node.left(), ctx));
        List<Object[]> rightRows = OperatorFactory.drain(factory.create(node.right(), ctx));
        List<Object[]> result = new ArrayList<>();
        switch (node.kind()) {
            case UNION -> {
                Set<GroupKey> seen = new HashSet<>();
                for (List<Object[]> side : List.of(leftRows, rightRows)) {
                    for (Object[] r : side) {
                        if (seen.add(new GroupKey(r, types))) {
                            result.add(r);
                        }
                    }
                }
            }
            case INTERSECT, EXCEPT -> {
                Map<GroupKey, int[]> rightCounts = new HashMap<>();
                for (Object[] r : rightRows) {
                    rightCounts.computeIfAbsent(new GroupKey(r, types), k -> new int[1])[0]++;
                }
                Map<GroupKey, int[]> leftCounts = new LinkedHashMap<>();
                Map<GroupKey, Object[]> firstRow = new HashMap<>();
                for (Object[] r : leftRows) {
                    GroupKey k = new GroupKey(r, types);
                    leftCounts.computeIfAbsent(k, x -> new int[1])[0]++;
                    firstRow.putIfAbsent(k, r);
                }
                boolean intersect = node.kind() == PlanNode.SetOperationKind.INTERSECT;
                for (Map.Entry<GroupKey, int[]> e : leftCounts.entrySet()) {
                    int l = e.getValue()[0];
                    int[] rc = rightCounts.get(e.getKey());
                    int r = rc == null ? 0 : rc[0];
                    int n = intersect ? (node.all() ? Math.min(l, r) : (r > 0 ? 1 : 0))
                            : (node.all() ? Math.max(l - r, 0) : (r == 0 ? 1 : 0));
                    for (int i = 0; i < n; i++) {
                        result.add(firstRow.get(e.getKey()));
                    }
                }
            }
        }
        return OperatorFactory.iterate(result.iterator());
    }

    /** Runs WITH RECURSIVE to its fixed point. */
    static List<Object[]> recursive(PlanNode.RecursiveUnion node, OperatorFactory factory, ExecContext ctx) {
        SqlType[] types = types(node.columns());
        Set<GroupKey> seen = new HashSet<>();
        List<Object[]> all = new ArrayList<>();
        List<Object[]> working = new ArrayList<>();
        for (Object[] r : OperatorFactory.drain(factory.create(node.seed(), ctx))) {
            if (node.all() || seen.add(new GroupKey(r, types))) {
                working.add(r);
            }
        }
        while (!working.isEmpty()) {
            ctx.checkInterrupted();
            all.addAll(working);
            ctx.materialize(node.id(), working);
            List<Object[]> next = new ArrayList<>();
            for (Object[] r : OperatorFactory.drain(factory.create(node.step(), ctx))) {
                if (node.all() || seen.add(new GroupKey(r, types))) {
                    next.add(r);
                }
            }
            working = next;
        }
        return all;
    }

    static SqlType[] types(List<OutputColumn> columns) {
        SqlType[] types = new SqlType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        return types;
    }
}
