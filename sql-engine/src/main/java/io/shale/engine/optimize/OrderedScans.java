package io.shale.engine.optimize;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.PlanNode;
import io.shale.engine.plan.SortKey;

import java.util.List;

/**
 * ORDER BY … LIMIT over one table: when an index gives the rows in the order asked for (its key
 * columns after those fixed by equalities, all forwards or all backwards, nulls placed the same
 * way), the sort goes and the index is walked in that direction, so LIMIT stops after a few
 * entries.
 */
final class OrderedScans {
    private OrderedScans() {
    }

    /** The input of a LIMIT, with its sort replaced by an ordered index scan where one fits. */
    static PlanNode apply(PlanNode input, DatabaseCatalog objects) {
        return switch (input) {
            case PlanNode.Project p -> {
                PlanNode inner = apply(p.input(), objects);
                yield inner == p.input() ? p : new PlanNode.Project(inner, p.expressions(), p.columns());
            }
            case PlanNode.LockRows l -> {
                PlanNode inner = apply(l.input(), objects);
                yield inner == l.input() ? l : new PlanNode.LockRows(inner, l.marks(), l.sourceOffset(), l.recheck(),
                        l.outputs());
            }
            case PlanNode.Sort s -> {
                PlanNode ordered = s.input() instanceof PlanNode.Project p ? ordered(s.keys(), p, objects) : null;
                yield ordered != null ? ordered : s;
            }
            default -> input;
        };
    }

    /** The projection over an ordered index scan, or null when no index gives the order. */
    private static PlanNode ordered(List<SortKey> keys, PlanNode.Project project, DatabaseCatalog objects) {
        PlanNode source = project.input();
        Expr predicate = null;
        if (source instanceof PlanNode.Filter f) {
            predicate = f.predicate();
            source = f.input();
        }
        PlanNode.TableScan table = switch (source) {
            case PlanNode.TableScan t -> t;
            case PlanNode.IndexScan i -> {
                if (i.index().unique() && i.equalities().size() == i.index().keyCount()) {
                    yield null;
                }
                yield new PlanNode.TableScan(i.table(), i.columns());
            }
            default -> null;
        };
        if (table == null) {
            return null;
        }
        int[] columns = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            if (!(keys.get(i).expression() instanceof Expr.ColumnRef ref)
                    || !(project.expressions().get(ref.index()) instanceof Expr.ColumnRef column)
                    || column.index() >= table.table().columns().size()) {
                return null;
            }
            columns[i] = column.index();
        }
        List<Expr> conjuncts = predicate == null ? List.of() : Conjuncts.split(predicate);
        IndexSelection.Match best = null;
        boolean bestBackward = false;
        for (Index index : objects.indexesOf(table.table().oid())) {
            IndexSelection.Match m = IndexSelection.match(table.table(), index, conjuncts);
            if (m == null || m.pointLookups()) {
                continue;
            }
            Boolean backward = direction(table.table(), m, keys, columns);
            if (backward != null && (best == null || m.score() > best.score())) {
                best = m;
                bestBackward = backward;
            }
        }
        if (best == null) {
            return null;
        }
        PlanNode scan = best.scan(table, bestBackward);
        if (predicate != null) {
            scan = new PlanNode.Filter(scan, predicate);
        }
        return new PlanNode.Project(scan, project.expressions(), project.columns());
    }

    /** Whether the index gives the order walked backwards (true), forwards (false), or not at all (null). */
    private static Boolean direction(Table table, IndexSelection.Match m, List<SortKey> keys, int[] columns) {
        Index index = m.index();
        int next = m.equalities().size();
        Boolean backward = null;
        for (int i = 0; i < keys.size(); i++) {
            if (fixed(index, m.equalities().size(), columns[i])) {
                continue;
            }
            if (next >= index.keyCount()) {
                return null;
            }
            Index.IndexKey key = index.keys().get(next++);
            if (key.attnum() - 1 != columns[i] || !IndexSelection.ordered(table, key)) {
                return null;
            }
            SortKey sort = keys.get(i);
            boolean forward = sort.descending() == key.descending() && sort.nullsFirst() == key.nullsFirst();
            boolean reverse = sort.descending() != key.descending() && sort.nullsFirst() != key.nullsFirst();
            if (!forward && !reverse || backward != null && backward != reverse) {
                return null;
            }
            backward = reverse;
        }
        return backward == null ? Boolean.FALSE : backward;
    }

    private static boolean fixed(Index index, int equalities, int column) {
        for (int k = 0; k < equalities; k++) {
            if (index.keys().get(k).attnum() - 1 == column) {
                return true;
            }
        }
        return false;
    }
}
