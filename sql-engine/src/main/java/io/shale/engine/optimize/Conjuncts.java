package io.shale.engine.optimize;

import io.shale.engine.analyze.ExprRewriter;
import io.shale.engine.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/** AND-ed conditions: splitting, joining, and which of them a join side can evaluate. */
final class Conjuncts {
    private Conjuncts() {
    }

    static List<Expr> split(Expr e) {
        List<Expr> result = new ArrayList<>();
        if (e == null) {
            return result;
        }
        if (e instanceof Expr.And and) {
            for (Expr t : and.terms()) {
                result.addAll(split(t));
            }
        } else {
            result.add(e);
        }
        return result;
    }

    static Expr and(List<Expr> terms) {
        return terms.isEmpty() ? null : terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
    }

    /** Whether the conjunct reads only columns in {@code [from, to)} and nothing volatile or nested. */
    static boolean pushable(Expr e, int from, int to) {
        return ExprRewriter.columnsWithin(e, from, to) && !hasVolatile(e);
    }

    private static boolean hasVolatile(Expr e) {
        boolean[] found = {false};
        ExprRewriter.rewrite(e, x -> {
            if (x instanceof Expr.Call c && c.volatileFunction()) {
                found[0] = true;
            }
            return null;
        });
        return found[0];
    }

    /**
     * For {@code l = r} with one side over the left input and the other over the right, both of
     * one type: the left side's and the right side's key; else null.
     */
    static Expr[] equiJoin(Expr e, int leftWidth, int width) {
        if (!(e instanceof Expr.Call c) || !c.name().equals("=") || c.arguments().size() != 2) {
            return null;
        }
        Expr a = c.arguments().get(0);
        Expr b = c.arguments().get(1);
        if (a.type().oid() != b.type().oid()) {
            return null;
        }
        if (pushable(a, 0, leftWidth) && pushable(b, leftWidth, width) && reads(a) && reads(b)) {
            return new Expr[] {a, b};
        }
        if (pushable(b, 0, leftWidth) && pushable(a, leftWidth, width) && reads(a) && reads(b)) {
            return new Expr[] {b, a};
        }
        return null;
    }

    private static boolean reads(Expr e) {
        return !ExprRewriter.isConstant(e);
    }
}
