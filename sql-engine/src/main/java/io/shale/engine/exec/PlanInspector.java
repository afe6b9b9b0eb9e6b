package io.shale.engine.exec;

import io.shale.engine.plan.AggregateCall;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.ModifyOperation;
import io.shale.engine.plan.PlanNode;
import io.shale.engine.plan.SortKey;
import io.shale.engine.plan.WindowCall;

import java.util.List;

/** Questions about a plan that the executor asks once, when it compiles it. */
final class PlanInspector {
    private PlanInspector() {
    }

    /** Whether the plan reads any row of a query that encloses it. */
    static boolean hasOuterReferences(PlanNode plan) {
        return refersOut(plan, 0);
    }

    private static boolean refersOut(PlanNode node, int level) {
        return switch (node) {
            case PlanNode.TableScan s -> false;
            case PlanNode.SystemScan s -> false;
            case PlanNode.CteScan s -> false;
            case PlanNode.WorkTableScan s -> false;
            case PlanNode.IndexScan s -> any(s.equalities(), level) || refersOut(s.lower(), level)
                    || refersOut(s.upper(), level);
            case PlanNode.Values v -> {
                for (List<Expr> row : v.rows()) {
                    if (any(row, level)) {
                        yield true;
                    }
                }
                yield false;
            }
            case PlanNode.FunctionScan f -> any(f.arguments(), level);
            case PlanNode.Filter f -> refersOut(f.input(), level) || refersOut(f.predicate(), level);
            case PlanNode.Project p -> refersOut(p.input(), level) || any(p.expressions(), level);
            case PlanNode.ProjectSet p -> {
                boolean out = refersOut(p.input(), level);
                for (Expr.SetCall c : p.calls()) {
                    out |= any(c.arguments(), level);
                }
                yield out;
            }
            case PlanNode.Join j -> refersOut(j.left(), level)
                    || refersOut(j.right(), j.lateral() ? level + 1 : level) || refersOut(j.condition(), level);
            case PlanNode.HashJoin j -> refersOut(j.left(), level) || refersOut(j.right(), level)
                    || any(j.leftKeys(), level) || any(j.rightKeys(), level) || refersOut(j.residual(), level);
            case PlanNode.Aggregate a -> {
                boolean out = refersOut(a.input(), level) || any(a.groupKeys(), level);
                for (AggregateCall call : a.aggregates()) {
                    out |= any(call.arguments(), level) || refersOut(call.filter(), level) || sortKeys(call.orderBy(), level);
                }
                yield out;
            }
            case PlanNode.Window w -> {
                boolean out = refersOut(w.input(), level);
                for (WindowCall call : w.calls()) {
                    out |= any(call.arguments(), level) || any(call.partitionBy(), level)
                            || sortKeys(call.orderBy(), level) || refersOut(call.filter(), level);
                }
                yield out;
            }
            case PlanNode.Sort s -> refersOut(s.input(), level) || sortKeys(s.keys(), level);
            case PlanNode.Limit l -> refersOut(l.input(), level) || refersOut(l.limit(), level)
                    || refersOut(l.offset(), level);
            case PlanNode.Distinct d -> refersOut(d.input(), level) || any(d.keys(), level);
            case PlanNode.SetOperation s -> refersOut(s.left(), level) || refersOut(s.right(), level);
            case PlanNode.WithCtes w -> {
                boolean out = refersOut(w.body(), level);
                for (PlanNode cte : w.ctes()) {
                    out |= refersOut(cte, level);
                }
                yield out;
            }
            case PlanNode.RecursiveUnion r -> refersOut(r.seed(), level) || refersOut(r.step(), level);
            case PlanNode.LockRows l -> refersOut(l.input(), level) || refersOut(l.recheck(), level)
                    || any(l.outputs(), level);
            case PlanNode.Modify m -> true;
            case PlanNode.DistributedScan d -> d.input() != null && refersOut(d.input(), level);
        };
    }

    private static boolean sortKeys(List<SortKey> keys, int level) {
        for (SortKey k : keys) {
            if (refersOut(k.expression(), level)) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(List<Expr> exprs, int level) {
        for (Expr e : exprs) {
            if (refersOut(e, level)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refersOut(Expr expr, int level) {
        if (expr == null) {
            return false;
        }
        return switch (expr) {
            case Expr.OuterRef o -> o.depth() > level;
            case Expr.Literal l -> false;
            case Expr.ColumnRef c -> false;
            case Expr.Param p -> false;
            case Expr.AggregateRef a -> false;
            case Expr.WindowRef w -> false;
            case Expr.SessionValue s -> false;
            case Expr.Call c -> any(c.arguments(), level);
            case Expr.Cast c -> refersOut(c.input(), level);
            case Expr.And a -> any(a.terms(), level);
            case Expr.Or o -> any(o.terms(), level);
            case Expr.Not n -> refersOut(n.input(), level);
            case Expr.IsNull n -> refersOut(n.input(), level);
            case Expr.Distinctness d -> refersOut(d.left(), level) || refersOut(d.right(), level);
            case Expr.Case c -> any(c.conditions(), level) || any(c.results(), level) || refersOut(c.otherwise(), level);
            case Expr.Coalesce c -> any(c.arguments(), level);
            case Expr.NullIf n -> refersOut(n.left(), level) || refersOut(n.right(), level);
            case Expr.InList in -> refersOut(in.input(), level) || any(in.values(), level);
            case Expr.SubqueryExpr s -> refersOut(s.input(), level) || refersOut(s.plan(), level + 1);
            case Expr.ArrayOf a -> any(a.elements(), level);
            case Expr.Subscript s -> refersOut(s.array(), level) || refersOut(s.lower(), level)
                    || refersOut(s.upper(), level);
            case Expr.RowOf r -> any(r.fields(), level);
            case Expr.AnyAll a -> refersOut(a.input(), level) || refersOut(a.array(), level);
            case Expr.FieldOf f -> refersOut(f.input(), level);
            case Expr.SetCall c -> any(c.arguments(), level);
        };
    }
}
