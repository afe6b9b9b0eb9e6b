package io.shale.engine.exec;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.function.AggregateFunction;
import io.shale.engine.function.WindowFunction;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.PlanNode;
import io.shale.engine.plan.SortKey;
import io.shale.engine.plan.WindowCall;

import java.util.ArrayList;
import java.util.List;

/**
 * Window functions: reads all input rows, then for each call sorts them by (PARTITION BY,
 * ORDER BY), finds partitions, peer groups and frames, and appends one value per call.
 */
final class WindowOperator {
    private WindowOperator() {
    }

    static Operator open(PlanNode.Window node, OperatorFactory factory, ExecContext ctx) {
        List<Object[]> rows = OperatorFactory.drain(factory.create(node.input(), ctx));
        int width = node.input().columns().size();
        int calls = node.calls().size();
        List<Object[]> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Object[] wide = new Object[width + calls];
            System.arraycopy(r, 0, wide, 0, width);
            out.add(wide);
        }
        for (int c = 0; c < calls; c++) {
            out = evaluate(node.calls().get(c), width + c, out, factory, ctx);
        }
        return OperatorFactory.iterate(out.iterator());
    }

    private static List<Object[]> evaluate(WindowCall call, int target, List<Object[]> rows, OperatorFactory factory,
                                           ExecContext ctx) {
        List<SortKey> keys = new ArrayList<>();
        for (Expr p : call.partitionBy()) {
            keys.add(new SortKey(p, false, false));
        }
        keys.addAll(call.orderBy());
        List<Object[]> sorted = keys.isEmpty() ? rows : Sorting.sort(rows, keys, factory, ctx);
        Evaluator[] partition = factory.evaluators(call.partitionBy());
        SqlType[] partitionTypes = GroupKey.types(call.partitionBy());
        List<Expr> orderExprs = new ArrayList<>();
        for (SortKey k : call.orderBy()) {
            orderExprs.add(k.expression());
        }
        Evaluator[] order = factory.evaluators(orderExprs);
        SqlType[] orderTypes = GroupKey.types(orderExprs);
        Evaluator[] args = factory.evaluators(call.arguments());
        Evaluator filter = factory.evaluator(call.filter());
        int start = 0;
        while (start < sorted.size()) {
            Object[] pkey = GroupKey.eval(partition, sorted.get(start), ctx);
            int end = start + 1;
            while (end < sorted.size()
                    && Sorting.sameKeys(pkey, GroupKey.eval(partition, sorted.get(end), ctx), partitionTypes)) {
                end++;
            }
            Partition p = new Partition(sorted.subList(start, end), order, orderTypes, args, filter, ctx);
            p.compute(call, target);
            start = end;
        }
        return sorted;
    }

    /** One partition's rows, with per-row argument values and peer groups. */
    private static final class Partition implements WindowFunction.WindowFrame {
        final List<Object[]> rows;
        final Object[][] argValues;
        final boolean[] included;
        final int[] peerStart;
        final int[] peerEnd;
        final int[] peerIndex;
        final ExecContext ctx;
        int current;
        int frameStart;
        int frameEnd;

        Partition(List<Object[]> rows, Evaluator[] order, SqlType[] orderTypes, Evaluator[] args, Evaluator filter,
                  ExecContext ctx) {
            this.rows = rows;
            this.ctx = ctx;
            int n = rows.size();
            argValues = new Object[n][];
            included = new boolean[n];
            peerStart = new int[n];
            peerEnd = new int[n];
            peerIndex = new int[n];
            Object[] previous = null;
            int group = -1;
            int groupStart = 0;
            for (int i = 0; i < n; i++) {
                Object[] row = rows.get(i);
                argValues[i] = GroupKey.eval(args, row, ctx);
                included[i] = filter == null || Boolean.TRUE.equals(filter.eval(row, ctx));
                Object[] key = GroupKey.eval(order, row, ctx);
                if (previous == null || !Sorting.sameKeys(previous, key, orderTypes)) {
                    group++;
                    groupStart = i;
                    previous = key;
                }
                peerIndex[i] = group;
                peerStart[i] = groupStart;
            }
            for (int i = n - 1; i >= 0; i--) {
                peerEnd[i] = i == n - 1 || peerIndex[i + 1] != peerIndex[i] ? i : peerEnd[i + 1];
            }
        }

        void compute(WindowCall call, int target) {
            int n = rows.size();
            AggregateFunction.Accumulator running = null;
            int added = 0;
            boolean cumulative = call.aggregate() != null
                    && call.frame().start().kind() == WindowCall.BoundKind.UNBOUNDED_PRECEDING;
            for (current = 0; current < n; current++) {
                frameStart = bound(call.frame(), call.frame().start(), true);
                frameEnd = bound(call.frame(), call.frame().end(), false);
                Object value;
                if (call.windowFunction() != null) {
                    value = call.windowFunction().evaluate(ctx.session(), this, argValues[current]);
                } else if (cumulative) {
                    if (running == null) {
                        running = call.aggregate().create(ctx.session(), call.argumentTypes());
                    }
                    while (added <= frameEnd()) {
                        add(running, call, added++);
                    }
                    value = running.result();
                } else {
                    AggregateFunction.Accumulator acc = call.aggregate().create(ctx.session(), call.argumentTypes());
                    for (int i = frameStart(); i <= frameEnd(); i++) {
                        add(acc, call, i);
                    }
                    value = acc.result();
                }
                rows.get(current)[target] = value;
            }
        }

        private void add(AggregateFunction.Accumulator acc, WindowCall call, int i) {
            if (!included[i]) {
                return;
            }
            Object[] a = argValues[i];
            if (call.strict()) {
                for (Object v : a) {
                    if (v == null) {
                        return;
                    }
                }
            }
            acc.add(a);
        }

        private int bound(WindowCall.Frame frame, WindowCall.Bound bound, boolean start) {
            int n = rows.size();
            return switch (bound.kind()) {
                case UNBOUNDED_PRECEDING -> 0;
                case UNBOUNDED_FOLLOWING -> n - 1;
                case CURRENT_ROW -> switch (frame.mode()) {
                    case ROWS -> current;
                    case RANGE, GROUPS -> start ? peerStart[current] : peerEnd[current];
                };
                case PRECEDING, FOLLOWING -> {
                    long offset = offset(bound);
                    long sign = bound.kind() == WindowCall.BoundKind.PRECEDING ? -1 : 1;
                    yield switch (frame.mode()) {
                        case ROWS -> (int) Math.max(-1, Math.min(n, current + sign * offset));
                        case GROUPS -> groupBound(peerIndex[current] + sign * offset, start);
                        case RANGE -> throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "RANGE with offset PRECEDING/FOLLOWING is not supported");
                    };
                }
            };
        }

        private int groupBound(long group, boolean start) {
            int n = rows.size();
            if (group < 0) {
                return start ? 0 : -1;
            }
            for (int i = 0; i < n; i++) {
                if (peerIndex[i] == group) {
                    return start ? i : peerEnd[i];
                }
            }
            return start ? n : n - 1;
        }

        private long offset(WindowCall.Bound bound) {
            Object v = new ExpressionCompiler(null).compile(bound.offset()).eval(null, ctx);
            if (v == null) {
                throw new ShaleException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "frame starting offset must not be null");
            }
            long offset = ((Number) v).longValue();
            if (offset < 0) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "frame starting offset must not be negative");
            }
            return offset;
        }

        @Override
        public int partitionSize() {
            return rows.size();
        }

        @Override
        public int currentRow() {
            return current;
        }

        @Override
        public int frameStart() {
            return Math.max(frameStart, 0);
        }

        @Override
        public int frameEnd() {
            return Math.min(frameEnd, rows.size() - 1);
        }

        @Override
        public int peerStart() {
            return peerStart[current];
        }

        @Override
        public int peerEnd() {
            return peerEnd[current];
        }

        @Override
        public int peerGroupIndex() {
            return peerIndex[current];
        }

        @Override
        public Object argumentAt(int argument, int row) {
            return argValues[row][argument];
        }
    }

}
