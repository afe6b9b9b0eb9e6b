package io.shale.engine.optimize;

import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.engine.analyze.ExprRewriter;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks an index for a filtered table scan: the index with the longest prefix of key columns
 * compared for equality with constants (a full unique key wins), then on the next key column a
 * range ({@code <, <=, >, >=}, BETWEEN) or a list of points (IN, {@code = ANY (array)}). Only
 * btree indexes without a predicate on plain columns, and only columns whose key bytes sort in SQL
 * order (not enums, whose keys are stored in label text order while SQL orders them by
 * declaration). The filter stays above the scan.
 */
final class IndexSelection {
    private IndexSelection() {
    }

    /** What an index can use of a filter's conjuncts. */
    record Match(Index index, List<Expr> equalities, Expr lower, boolean lowerInclusive, Expr upper,
                 boolean upperInclusive, List<Expr> points, Expr pointArray) {

        int score() {
            boolean unique = index.unique() && equalities.size() == index.keyCount();
            return equalities.size() * 10 + (lower != null || upper != null ? 5 : 0)
                    + (!points.isEmpty() || pointArray != null ? 4 : 0) + (unique ? 100 : 0);
        }

        boolean pointLookups() {
            return !points.isEmpty() || pointArray != null;
        }

        PlanNode.IndexScan scan(PlanNode.TableScan scan, boolean descending) {
            return new PlanNode.IndexScan(scan.table(), index, equalities, lower, lowerInclusive, upper, upperInclusive,
                    points, pointArray, descending, scan.columns());
        }
    }

    static PlanNode choose(PlanNode.TableScan scan, List<Expr> conjuncts, List<Index> indexes) {
        Match best = null;
        for (Index index : indexes) {
            Match m = match(scan.table(), index, conjuncts);
            if (m != null && m.score() > 0 && (best == null || m.score() > best.score())) {
                best = m;
            }
        }
        return best == null ? scan : best.scan(scan, false);
    }

    /** Whether the index can be scanned at all: btree, no predicate. */
    static boolean usable(Index index) {
        return index.predicateSql() == null && index.method().equals("btree");
    }

    /** Whether the key column's bytes sort as SQL sorts its values. */
    static boolean ordered(Table table, Index.IndexKey key) {
        return key.attnum() > 0 && !io.shale.engine.function.ValueOrder.needsCatalog(table.column(key.attnum()).type());
    }

    /** The conditions of {@code conjuncts} the index can use (none: a match with a score of 0); null if unusable. */
    static Match match(Table table, Index index, List<Expr> conjuncts) {
        if (!usable(index)) {
            return null;
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
        List<Expr> points = List.of();
        Expr pointArray = null;
        if (equalities.size() < index.keyCount()) {
            Index.IndexKey next = index.keys().get(equalities.size());
            if (ordered(table, next)) {
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
                if (lower == null && upper == null) {
                    points = inList(conjuncts, column);
                    pointArray = points.isEmpty() ? anyArray(conjuncts, column) : null;
                }
            }
        }
        return new Match(index, equalities, lower, lowerInclusive, upper, upperInclusive, points, pointArray);
    }

    /** The constant values of {@code column IN (…)}, or empty. */
    private static List<Expr> inList(List<Expr> conjuncts, int column) {
        for (Expr e : conjuncts) {
            if (e instanceof Expr.InList in && !in.negated() && isColumn(in.input(), column)) {
                boolean constants = true;
                for (Expr v : in.values()) {
                    constants &= isValue(v, in.input());
                }
                if (constants) {
                    return in.values();
                }
            }
        }
        return List.of();
    }

    /** The constant array of {@code column = ANY (array)}, or null. */
    private static Expr anyArray(List<Expr> conjuncts, int column) {
        for (Expr e : conjuncts) {
            if (e instanceof Expr.AnyAll a && !a.all() && a.operator().equals("=") && isColumn(a.input(), column)
                    && ExprRewriter.isConstant(a.array())) {
                return a.array();
            }
        }
        return null;
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
