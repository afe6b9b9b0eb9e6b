package io.shale.engine.optimize;

import io.shale.catalog.Index;
import io.shale.engine.analyze.ExprRewriter;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks an index for a filtered table scan: the index with the longest prefix of key columns
 * compared for equality with constants (a full unique key wins), else a range on the first key
 * column (not for enum columns, whose keys are stored in label text order while SQL orders them
 * by declaration). The filter stays above the scan.
 */
final class IndexSelection {
    private IndexSelection() {
    }

    static PlanNode choose(PlanNode.TableScan scan, List<Expr> conjuncts, List<Index> indexes) {
        PlanNode best = scan;
        int bestScore = 0;
        for (Index index : indexes) {
            if (index.predicateSql() != null || !index.method().equals("btree")) {
                continue;
            }
            List<Expr> equalities = new ArrayList<>();
            for (int k = 0; k < index.keyCount(); k++) {
                Index.IndexKey key = index.keys().get(k);
                Expr value = key.attnum() > 0 ? compared(conjuncts, key.attnum() - 1, "=") : null;
                if (value == null) {
                    break;
                }
                equalities.add(value);
            }
            Expr lower = null;
            Expr upper = null;
            boolean lowerInclusive = true;
            boolean upperInclusive = true;
            if (equalities.size() < index.keyCount()) {
                Index.IndexKey next = index.keys().get(equalities.size());
                boolean byteOrderIsSqlOrder = !io.shale.engine.function.ValueOrder.needsCatalog(
                        scan.table().column(next.attnum() > 0 ? next.attnum() : 1).type());
                if (next.attnum() > 0 && !next.descending() && byteOrderIsSqlOrder) {
                    int column = next.attnum() - 1;
                    lower = compared(conjuncts, column, ">=");
                    if (lower == null) {
                        lower = compared(conjuncts, column, ">");
                        lowerInclusive = false;
                    }
                    upper = compared(conjuncts, column, "<=");
                    if (upper == null) {
                        upper = compared(conjuncts, column, "<");
                        upperInclusive = false;
                    }
                }
            }
            int score = equalities.size() * 10 + (lower != null || upper != null ? 5 : 0)
                    + (index.unique() && equalities.size() == index.keyCount() ? 100 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = new PlanNode.IndexScan(scan.table(), index, equalities, lower, lowerInclusive, upper, upperInclusive,
                        false, scan.columns());
            }
        }
        return best;
    }

    /** The constant compared by {@code op} with column {@code column} (either side), of the column's type; or null. */
    private static Expr compared(List<Expr> conjuncts, int column, String op) {
        for (Expr e : conjuncts) {
            if (!(e instanceof Expr.Call c) || c.arguments().size() != 2) {
                continue;
            }
            Expr a = c.arguments().get(0);
            Expr b = c.arguments().get(1);
            if (c.name().equals(op) && isColumn(a, column) && isValue(b, a)) {
                return b;
            }
            if (c.name().equals(flip(op)) && isColumn(b, column) && isValue(a, b)) {
                return a;
            }
        }
        return null;
    }

    private static String flip(String op) {
        return switch (op) {
            case ">" -> "<";
            case "<" -> ">";
            case ">=" -> "<=";
            case "<=" -> ">=";
            default -> op;
        };
    }

    private static boolean isColumn(Expr e, int column) {
        return e instanceof Expr.ColumnRef r && r.index() == column;
    }

    private static boolean isValue(Expr value, Expr column) {
        return value.type().oid() == column.type().oid() && ExprRewriter.isConstant(value);
    }
}
