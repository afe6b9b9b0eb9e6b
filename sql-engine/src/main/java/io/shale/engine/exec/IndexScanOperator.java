package io.shale.engine.exec;

import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.engine.plan.PlanNode;
import io.shale.storage.KeyCursor;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table through an index: a single get for a full unique key, else a range of entries.
 * The planner keeps the original predicate above the scan, so the range may be wider than the
 * predicate (exclusive bounds, nulls) but never narrower.
 */
final class IndexScanOperator {
    private IndexScanOperator() {
    }

    static Operator open(PlanNode.IndexScan node, OperatorFactory factory, ExecContext ctx) {
        Table table = node.table();
        Index index = node.index();
        Evaluator[] equalities = factory.evaluators(node.equalities());
        List<Object> values = new ArrayList<>(equalities.length);
        for (Evaluator e : equalities) {
            Object v = e.eval(null, ctx);
            if (v == null) {
                return () -> null;
            }
            values.add(v);
        }
        KeyBytes prefix = IndexKeys.prefix(index, table, values);
        TableAccess tables = ctx.tables();
        if (index.unique() && values.size() == index.keyCount() && node.lower() == null && node.upper() == null) {
            byte[] rowId = ctx.transaction().get(prefix.toArray());
            Object[] row = rowId == null ? null : tables.fetch(ctx.transaction(), table, KeyBytes.readLong(rowId, 0));
            return new Operator() {
                boolean done;

                @Override
                public Object[] next() {
                    if (done) {
                        return null;
                    }
                    done = true;
                    return row;
                }
            };
        }
        byte[] from = prefix.toArray();
        byte[] to = prefix.prefixEnd();
        Index.IndexKey rangeKey = values.size() < index.keys().size() ? index.keys().get(values.size()) : null;
        if (rangeKey != null) {
            var type = table.column(rangeKey.attnum()).type();
            Object lower = bound(factory, node.lower(), ctx);
            Object upper = bound(factory, node.upper(), ctx);
            if (lower != null) {
                KeyBytes k = IndexKeys.prefix(index, table, values);
                IndexKeys.appendValue(k, type, lower, rangeKey);
                from = k.toArray();
            }
            if (upper != null) {
                KeyBytes k = IndexKeys.prefix(index, table, values);
                IndexKeys.appendValue(k, type, upper, rangeKey);
                to = k.prefixEnd();
            }
        }
        KeyCursor cursor = ctx.transaction().scan(from, to, node.descending());
        return new Operator() {
            private int entries;

            @Override
            public Object[] next() {
                while (cursor.next()) {
                    if ((++entries & TableAccess.YIELD_ROWS) == 0) {
                        Thread.yield();
                    }
                    Object[] row = tables.fetch(ctx.transaction(), table, KeyBytes.readLong(cursor.value(), 0));
                    if (row != null) {
                        return row;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    private static Object bound(OperatorFactory factory, io.shale.engine.plan.Expr expr, ExecContext ctx) {
        Evaluator e = factory.evaluator(expr);
        return e == null ? null : e.eval(null, ctx);
    }
}
