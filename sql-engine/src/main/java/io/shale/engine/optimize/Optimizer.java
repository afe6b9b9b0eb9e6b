package io.shale.engine.optimize;

import io.shale.catalog.DatabaseCatalog;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.ModifyOperation;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a plan to run faster without changing its rows: WHERE conditions move down to the
 * join inputs they read, equi-joins become hash joins, and table scans under a filter use an
 * index when one fits.
 */
public final class Optimizer {
    private final DatabaseCatalog objects;

    private Optimizer(DatabaseCatalog objects) {
        this.objects = objects;
    }

    public static PlanNode optimize(PlanNode plan, DatabaseCatalog objects) {
        return new Optimizer(objects).rewrite(plan);
    }

    private PlanNode rewrite(PlanNode node) {
        return switch (node) {
            case PlanNode.Filter f -> filter(rewriteChildrenOf(f.input()), Conjuncts.split(f.predicate()));
            case PlanNode.Join j -> join(j);
            case PlanNode.Project p -> new PlanNode.Project(rewrite(p.input()), p.expressions(), p.columns());
            case PlanNode.ProjectSet p -> new PlanNode.ProjectSet(rewrite(p.input()), p.calls(), p.columns());
            case PlanNode.Aggregate a -> new PlanNode.Aggregate(rewrite(a.input()), a.groupKeys(), a.aggregates(), a.columns());
            case PlanNode.Window w -> new PlanNode.Window(rewrite(w.input()), w.calls(), w.columns());
            case PlanNode.Sort s -> new PlanNode.Sort(rewrite(s.input()), s.keys());
            case PlanNode.Limit l -> new PlanNode.Limit(OrderedScans.apply(rewrite(l.input()), objects), l.limit(),
                    l.offset());
            case PlanNode.Distinct d -> new PlanNode.Distinct(rewrite(d.input()), d.keys());
            case PlanNode.SetOperation s -> new PlanNode.SetOperation(s.kind(), s.all(), rewrite(s.left()), rewrite(s.right()),
                    s.columns());
            case PlanNode.WithCtes w -> {
                List<PlanNode> ctes = new ArrayList<>();
                for (PlanNode c : w.ctes()) {
                    ctes.add(rewrite(c));
                }
                yield new PlanNode.WithCtes(w.ids(), ctes, rewrite(w.body()));
            }
            case PlanNode.RecursiveUnion r -> new PlanNode.RecursiveUnion(r.id(), rewrite(r.seed()), rewrite(r.step()), r.all(),
                    r.columns());
            case PlanNode.LockRows l -> new PlanNode.LockRows(rewrite(l.input()), l.marks(), l.sourceOffset(), l.recheck(),
                    l.outputs());
            case PlanNode.Modify m -> new PlanNode.Modify(modify(m.operation()), m.columns());
            case PlanNode.HashJoin h -> new PlanNode.HashJoin(rewrite(h.left()), rewrite(h.right()), h.type(), h.leftKeys(),
                    h.rightKeys(), h.residual(), h.columns());
            case PlanNode.TableScan s -> s;
            case PlanNode.IndexScan s -> s;
            case PlanNode.SystemScan s -> s;
            case PlanNode.Values v -> v;
            case PlanNode.DistributedScan d -> d.input() == null ? d
                    : new PlanNode.DistributedScan(d.job(), rewrite(d.input()), d.columns());
            case PlanNode.FunctionScan f -> f;
            case PlanNode.CteScan c -> c;
            case PlanNode.WorkTableScan w -> w;
        };
    }

    private PlanNode rewriteChildrenOf(PlanNode input) {
        return input instanceof PlanNode.Join j ? j : rewrite(input);
    }

    private ModifyOperation modify(ModifyOperation op) {
        return switch (op) {
            case ModifyOperation.Insert i -> new ModifyOperation.Insert(i.table(), rewrite(i.source()), i.values(),
                    i.onConflict(), i.returning(), i.rules());
            case ModifyOperation.Update u -> new ModifyOperation.Update(u.table(), rewrite(u.source()), u.targetOffset(),
                    u.assignments(), u.recheck(), u.returning(), u.rules());
            case ModifyOperation.Delete d -> new ModifyOperation.Delete(d.table(), rewrite(d.source()), d.targetOffset(),
                    d.recheck(), d.returning(), d.rules());
        };
    }

    /** Filters {@code input} by the conjuncts, pushing those that read one join side into it. */
    private PlanNode filter(PlanNode input, List<Expr> conjuncts) {
        if (conjuncts.isEmpty()) {
            return rewrite(input);
        }
        if (input instanceof PlanNode.Join j && !j.lateral()
                && (j.type() == PlanNode.JoinType.INNER || j.type() == PlanNode.JoinType.LEFT)) {
            int leftWidth = j.left().columns().size();
            int width = j.columns().size();
            List<Expr> toLeft = new ArrayList<>();
            List<Expr> toRight = new ArrayList<>();
            List<Expr> toJoin = new ArrayList<>();
            List<Expr> remaining = new ArrayList<>();
            for (Expr c : conjuncts) {
                if (Conjuncts.pushable(c, 0, leftWidth)) {
                    toLeft.add(c);
                } else if (j.type() == PlanNode.JoinType.INNER && Conjuncts.pushable(c, leftWidth, width)) {
                    toRight.add(io.shale.engine.analyze.ExprRewriter.shift(c, -leftWidth));
                } else if (j.type() == PlanNode.JoinType.INNER && Conjuncts.pushable(c, 0, width)) {
                    toJoin.add(c);
                } else {
                    remaining.add(c);
                }
            }
            List<Expr> condition = new ArrayList<>(toJoin);
            if (j.condition() != null) {
                condition.addAll(Conjuncts.split(j.condition()));
            }
            PlanNode joined = join(new PlanNode.Join(filter(j.left(), toLeft), filter(j.right(), toRight), j.type(),
                    Conjuncts.and(condition), false, j.columns()));
            return remaining.isEmpty() ? joined : new PlanNode.Filter(joined, Conjuncts.and(remaining));
        }
        PlanNode rewritten = rewrite(input);
        Expr predicate = Conjuncts.and(conjuncts);
        if (rewritten instanceof PlanNode.TableScan scan) {
            PlanNode indexed = IndexSelection.choose(scan, conjuncts, objects.indexesOf(scan.table().oid()));
            return new PlanNode.Filter(indexed, predicate);
        }
        return new PlanNode.Filter(rewritten, predicate);
    }

    /** A join whose condition has column equalities between its sides becomes a hash join. */
    private PlanNode join(PlanNode.Join j) {
        PlanNode left = rewrite(j.left());
        PlanNode right = rewrite(j.right());
        if (j.lateral() || j.condition() == null) {
            return new PlanNode.Join(left, right, j.type(), j.condition(), j.lateral(), j.columns());
        }
        int leftWidth = j.left().columns().size();
        int width = j.columns().size();
        List<Expr> leftKeys = new ArrayList<>();
        List<Expr> rightKeys = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        for (Expr c : Conjuncts.split(j.condition())) {
            Expr[] sides = Conjuncts.equiJoin(c, leftWidth, width);
            if (sides != null) {
                leftKeys.add(sides[0]);
                rightKeys.add(io.shale.engine.analyze.ExprRewriter.shift(sides[1], -leftWidth));
            } else {
                residual.add(c);
            }
        }
        if (leftKeys.isEmpty()) {
            return new PlanNode.Join(left, right, j.type(), j.condition(), false, j.columns());
        }
        return new PlanNode.HashJoin(left, right, j.type(), leftKeys, rightKeys, Conjuncts.and(residual), j.columns());
    }
}
