package io.shale.engine.exec;

import io.shale.common.types.SqlType;
import io.shale.engine.function.ValueOrder;
import io.shale.engine.plan.SortKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** ORDER BY: evaluates the keys once per row, then a stable sort. */
final class Sorting {
    private Sorting() {
    }

    static List<Object[]> sort(List<Object[]> rows, List<SortKey> keys, OperatorFactory factory, ExecContext ctx) {
        int n = keys.size();
        Evaluator[] exprs = new Evaluator[n];
        for (int i = 0; i < n; i++) {
            exprs[i] = factory.evaluator(keys.get(i).expression());
        }
        List<Object[][]> decorated = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            decorated.add(new Object[][] {row, GroupKey.eval(exprs, row, ctx)});
        }
        Comparator<Object[]> keyOrder = comparator(keys, ctx);
        decorated.sort((a, b) -> keyOrder.compare(a[1], b[1]));
        List<Object[]> result = new ArrayList<>(rows.size());
        for (Object[][] d : decorated) {
            result.add(d[0]);
        }
        return result;
    }

    /** Compares arrays of already evaluated key values by the keys' directions and null orders. */
    static Comparator<Object[]> comparator(List<SortKey> keys, ExecContext ctx) {
        int n = keys.size();
        SqlType[] types = new SqlType[n];
        boolean[] descending = new boolean[n];
        boolean[] nullsFirst = new boolean[n];
        boolean[] enums = new boolean[n];
        for (int i = 0; i < n; i++) {
            types[i] = keys.get(i).expression().type();
            enums[i] = ValueOrder.needsCatalog(types[i]);
            descending[i] = keys.get(i).descending();
            nullsFirst[i] = keys.get(i).nullsFirst();
        }
        return (a, b) -> {
            for (int i = 0; i < n; i++) {
                int c = enums[i]
                        ? enumOrder(ctx, types[i], a[i], b[i], descending[i], nullsFirst[i])
                        : compareValues(types[i], a[i], b[i], descending[i], nullsFirst[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    static int compareValues(SqlType type, Object a, Object b, boolean descending, boolean nullsFirst) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == nullsFirst ? -1 : 1;
        }
        int c = TypeOps.compare(type, a, b);
        return descending ? -c : c;
    }

    /** Values of user enum types order by label position, which only the catalog knows. */
    private static int enumOrder(ExecContext ctx, SqlType type, Object a, Object b, boolean descending,
                                 boolean nullsFirst) {
        if (a == null || b == null) {
            return compareValues(type, a, b, descending, nullsFirst);
        }
        int c = ValueOrder.compare(ctx.catalog(), ctx.databaseOid(), type.oid(), a, b);
        return descending ? -c : c;
    }

    static boolean sameKeys(Object[] a, Object[] b, SqlType[] types) {
        return Arrays.equals(a, b) || new GroupKey(a, types).equals(new GroupKey(b, types));
    }
}
