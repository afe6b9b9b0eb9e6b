package io.shale.engine.exec;

import io.shale.common.types.SqlType;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** DISTINCT (hashing whole rows) and DISTINCT ON (first row of each run of equal keys). */
final class DistinctOperator {
    private DistinctOperator() {
    }

    static Operator open(PlanNode.Distinct node, OperatorFactory factory, ExecContext ctx) {
        Operator input = factory.create(node.input(), ctx);
        if (node.keys().isEmpty()) {
            List<OutputColumn> columns = node.columns();
            SqlType[] types = new SqlType[columns.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = columns.get(i).type();
            }
            Set<GroupKey> seen = new HashSet<>();
            return new Operator() {
                @Override
                public Object[] next() {
                    for (Object[] row = input.next(); row != null; row = input.next()) {
                        if (seen.add(new GroupKey(row, types))) {
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
        Evaluator[] keys = factory.evaluators(node.keys());
        SqlType[] types = GroupKey.types(node.keys());
        return new Operator() {
            Object[] previous;

            @Override
            public Object[] next() {
                for (Object[] row = input.next(); row != null; row = input.next()) {
                    Object[] k = GroupKey.eval(keys, row, ctx);
                    if (previous == null || !Sorting.sameKeys(previous, k, types)) {
                        previous = k;
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
