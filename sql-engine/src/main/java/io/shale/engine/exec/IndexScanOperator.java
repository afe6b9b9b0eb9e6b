package io.shale.engine.exec;

import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.common.types.ArrayValue;
import io.shale.common.types.SqlType;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.PlanNode;
import io.shale.storage.KeyCursor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a table through an index: a single get for a full unique key, else ranges of entries (one,
 * or one per point of an IN list, in index order). The planner keeps the original predicate above
 * the scan, so a range may be wider than the predicate (exclusive bounds, nulls) but never
 * narrower. Bounds are in SQL order; on a descending key column they swap ends in byte order.
 */
final class IndexScanOperator {
    private IndexScanOperator() {
    }

    static Operator open(PlanNode.IndexScan node, OperatorFactory factory, ExecContext ctx) {
        Table table = node.table();
        Index index = node.index();
        List<Object> values = new ArrayList<>();
        for (Evaluator e : factory.evaluators(node.equalities())) {
            Object v = e.eval(null, ctx);
            if (v == null) {
                return () -> null;
            }
            values.add(v);
        }
        List<byte[][]> ranges = new ArrayList<>();
        Index.IndexKey rangeKey = values.size() < index.keyCount() ? index.keys().get(values.size()) : null;
        if (!node.points().isEmpty() || node.pointArray() != null) {
            pointRanges(node, factory, ctx, table, index, values, rangeKey, ranges);
        } else {
            ranges.add(range(node, factory, ctx, table, index, values, rangeKey));
        }
        boolean points = !node.points().isEmpty() || node.pointArray() != null;
        boolean fullUniqueKey = index.unique() && node.lower() == null && node.upper() == null
                && values.size() + (points ? 1 : 0) == index.keyCount();
        return new RangesOperator(ctx, table, ranges, node.descending(), fullUniqueKey);
    }

    /** One range per distinct point, in index order (reversed for a descending scan). */
    private static void pointRanges(PlanNode.IndexScan node, OperatorFactory factory, ExecContext ctx, Table table,
                                    Index index, List<Object> values, Index.IndexKey key, List<byte[][]> ranges) {
        List<Object> points = new ArrayList<>();
        if (node.pointArray() != null) {
            Object array = factory.evaluator(node.pointArray()).eval(null, ctx);
            if (array != null) {
                points.addAll(Arrays.asList(((ArrayValue) array).elements()));
            }
        } else {
            for (Evaluator e : factory.evaluators(node.points())) {
                points.add(e.eval(null, ctx));
            }
        }
        SqlType type = table.column(key.attnum()).type();
        TreeSet<byte[]> prefixes = new TreeSet<>(Arrays::compareUnsigned);
        for (Object point : points) {
            if (point != null) {
                KeyBytes k = IndexKeys.prefix(index, table, values);
                IndexKeys.appendValue(k, type, point, key);
                prefixes.add(k.toArray());
            }
        }
        for (byte[] prefix : node.descending() ? prefixes.descendingSet() : prefixes) {
            ranges.add(new byte[][] {prefix, new KeyBytes().append(prefix).prefixEnd()});
        }
    }

    private static byte[][] range(PlanNode.IndexScan node, OperatorFactory factory, ExecContext ctx, Table table,
                                  Index index, List<Object> values, Index.IndexKey key) {
        KeyBytes prefix = IndexKeys.prefix(index, table, values);
        byte[] from = prefix.toArray();
        byte[] to = prefix.prefixEnd();
        if (key == null || key.attnum() <= 0) {
            return new byte[][] {from, to};
        }
        SqlType type = table.column(key.attnum()).type();
        Object lower = bound(factory, node.lower(), ctx);
        Object upper = bound(factory, node.upper(), ctx);
        Object first = key.descending() ? upper : lower;
        Object last = key.descending() ? lower : upper;
        if (first != null) {
            KeyBytes k = IndexKeys.prefix(index, table, values);
            IndexKeys.appendValue(k, type, first, key);
            from = k.toArray();
        }
        if (last != null) {
            KeyBytes k = IndexKeys.prefix(index, table, values);
            IndexKeys.appendValue(k, type, last, key);
            to = k.prefixEnd();
        }
        return new byte[][] {from, to};
    }

    private static Object bound(OperatorFactory factory, Expr expr, ExecContext ctx) {
        Evaluator e = factory.evaluator(expr);
        return e == null ? null : e.eval(null, ctx);
    }

    /** The rows of the entries in each range in turn; a full unique key is one get. */
    private static final class RangesOperator implements Operator {
        private final ExecContext ctx;
        private final Table table;
        private final List<byte[][]> ranges;
        private final boolean descending;
        private final boolean pointGets;
        private int next;
        private KeyCursor cursor;
        private int entries;

        RangesOperator(ExecContext ctx, Table table, List<byte[][]> ranges, boolean descending, boolean pointGets) {
            this.ctx = ctx;
            this.table = table;
            this.ranges = ranges;
            this.descending = descending;
            this.pointGets = pointGets;
        }

        @Override
        public Object[] next() {
            while (true) {
                if (cursor != null && cursor.next()) {
                    if ((++entries & TableAccess.YIELD_ROWS) == 0) {
                        CarrierYield.now();
                    }
                    Object[] row = fetch(cursor.value());
                    if (row != null) {
                        return row;
                    }
                    continue;
                }
                close();
                if (next >= ranges.size()) {
                    return null;
                }
                byte[][] range = ranges.get(next++);
                if (pointGets) {
                    byte[] rowId = ctx.transaction().get(range[0]);
                    Object[] row = rowId == null ? null : fetch(rowId);
                    if (row != null) {
                        return row;
                    }
                } else {
                    cursor = ctx.transaction().scan(range[0], range[1], descending);
                }
            }
        }

        private Object[] fetch(byte[] rowId) {
            return ctx.tables().fetch(ctx.transaction(), table, KeyBytes.readLong(rowId, 0));
        }

        @Override
        public void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }
}
