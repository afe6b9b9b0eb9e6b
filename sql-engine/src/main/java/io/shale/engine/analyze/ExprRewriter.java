package io.shale.engine.analyze;

import io.shale.engine.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Rebuilds an expression bottom-up: {@code rule} sees each node first and may replace it
 * (returning non-null) before its children are visited. Subquery plans are left as they are.
 */
public final class ExprRewriter {
    private ExprRewriter() {
    }

    public static Expr rewrite(Expr e, Function<Expr, Expr> rule) {
        if (e == null) {
            return null;
        }
        Expr replaced = rule.apply(e);
        if (replaced != null) {
            return replaced;
        }
        return switch (e) {
            case Expr.Literal l -> l;
            case Expr.ColumnRef c -> c;
            case Expr.OuterRef o -> o;
            case Expr.Param p -> p;
            case Expr.AggregateRef a -> a;
            case Expr.WindowRef w -> w;
            case Expr.SessionValue s -> s;
            case Expr.Call c -> new Expr.Call(c.name(), c.function(), all(c.arguments(), rule), c.type(), c.strict(),
                    c.volatileFunction());
            case Expr.Cast c -> new Expr.Cast(rewrite(c.input(), rule), c.type(), c.explicit());
            case Expr.And a -> new Expr.And(all(a.terms(), rule));
            case Expr.Or o -> new Expr.Or(all(o.terms(), rule));
            case Expr.Not n -> new Expr.Not(rewrite(n.input(), rule));
            case Expr.IsNull n -> new Expr.IsNull(rewrite(n.input(), rule), n.negated());
            case Expr.Distinctness d -> new Expr.Distinctness(rewrite(d.left(), rule), rewrite(d.right(), rule),
                    d.equality(), d.negated());
            case Expr.Case c -> new Expr.Case(all(c.conditions(), rule), all(c.results(), rule),
                    rewrite(c.otherwise(), rule), c.type());
            case Expr.Coalesce c -> new Expr.Coalesce(all(c.arguments(), rule), c.type());
            case Expr.NullIf n -> new Expr.NullIf(rewrite(n.left(), rule), rewrite(n.right(), rule), n.equality(), n.type());
            case Expr.InList in -> new Expr.InList(rewrite(in.input(), rule), all(in.values(), rule), in.equality(),
                    in.negated());
            case Expr.SubqueryExpr s -> new Expr.SubqueryExpr(s.kind(), s.plan(), rewrite(s.input(), rule), s.test(),
                    s.type());
            case Expr.ArrayOf a -> new Expr.ArrayOf(all(a.elements(), rule), a.type(), a.elementOid());
            case Expr.Subscript s -> new Expr.Subscript(rewrite(s.array(), rule), rewrite(s.lower(), rule),
                    rewrite(s.upper(), rule), s.slice(), s.type());
            case Expr.RowOf r -> new Expr.RowOf(all(r.fields(), rule), r.type());
            case Expr.AnyAll a -> new Expr.AnyAll(rewrite(a.input(), rule), rewrite(a.array(), rule), a.comparison(),
                    a.all(), a.operator());
            case Expr.FieldOf f -> new Expr.FieldOf(rewrite(f.input(), rule), f.field(), f.type());
            case Expr.SetCall c -> new Expr.SetCall(c.name(), c.function(), all(c.arguments(), rule), c.strict(),
                    c.columnCount(), c.type());
        };
    }

    static List<Expr> all(List<Expr> exprs, Function<Expr, Expr> rule) {
        List<Expr> result = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            result.add(rewrite(e, rule));
        }
        return result;
    }

    /** Moves column references by {@code delta} positions. */
    public static Expr shift(Expr e, int delta) {
        return rewrite(e, x -> x instanceof Expr.ColumnRef c ? new Expr.ColumnRef(c.index() + delta, c.type(), c.name()) : null);
    }

    /** Whether every column reference lies in {@code [from, to)}. */
    public static boolean columnsWithin(Expr e, int from, int to) {
        boolean[] ok = {true};
        rewrite(e, x -> {
            if (x instanceof Expr.ColumnRef c && (c.index() < from || c.index() >= to)) {
                ok[0] = false;
            }
            if (x instanceof Expr.SubqueryExpr s) {
                ok[0] = false;
            }
            return null;
        });
        return ok[0];
    }

    /** Whether the expression reads no column of the current row (constants, parameters, outer rows). */
    public static boolean isConstant(Expr e) {
        boolean[] ok = {true};
        rewrite(e, x -> {
            if (x instanceof Expr.ColumnRef || x instanceof Expr.SubqueryExpr || x instanceof Expr.AggregateRef
                    || x instanceof Expr.WindowRef) {
                ok[0] = false;
            }
            if (x instanceof Expr.Call c && c.volatileFunction()) {
                ok[0] = false;
            }
            return null;
        });
        return ok[0];
    }
}
