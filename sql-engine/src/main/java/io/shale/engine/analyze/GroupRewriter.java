package io.shale.engine.analyze;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.exec.PlanQueries;
import io.shale.engine.plan.AggregateCall;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.OutputColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites expressions of a grouped query to read the aggregation's output row: group keys and
 * aggregate values. A column that is neither grouped nor aggregated is refused with 42803.
 */
final class GroupRewriter {
    private final List<Expr> keys;
    private final Scope scope;

    GroupRewriter(List<Expr> keys, Scope scope) {
        this.keys = keys;
        this.scope = scope;
    }

    List<OutputColumn> columns(List<AggregateCall> aggregates) {
        List<OutputColumn> columns = new ArrayList<>();
        for (Expr k : keys) {
            columns.add(OutputColumn.of(k instanceof Expr.ColumnRef c && c.name() != null ? c.name() : "?key?", k.type()));
        }
        for (AggregateCall a : aggregates) {
            columns.add(OutputColumn.of(a.name(), a.type()));
        }
        return columns;
    }

    Expr rewrite(Expr e) {
        return ExprRewriter.rewrite(e, x -> {
            int key = keys.indexOf(x);
            if (key >= 0) {
                return new Expr.ColumnRef(key, x.type(), null);
            }
            return switch (x) {
                case Expr.AggregateRef a -> new Expr.ColumnRef(keys.size() + a.index(), a.type(), null);
                case Expr.ColumnRef c -> throw new ShaleException(ErrorCode.GROUPING_ERROR, "column \"" + qualified(c)
                        + "\" must appear in the GROUP BY clause or be used in an aggregate function");
                case Expr.SubqueryExpr s when PlanQueries.hasOuterReferences(s.plan()) -> throw new ShaleException(
                        ErrorCode.FEATURE_NOT_SUPPORTED, "correlated subqueries in a grouped query are not supported");
                default -> null;
            };
        });
    }

    List<Expr> rewriteAll(List<Expr> exprs) {
        List<Expr> result = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            result.add(rewrite(e));
        }
        return result;
    }

    private String qualified(Expr.ColumnRef c) {
        for (ScopeEntry e : scope.entries) {
            int i = c.index() - e.offset();
            if (i >= 0 && i < e.width()) {
                return e.alias() == null ? e.names().get(i) : e.alias() + "." + e.names().get(i);
            }
        }
        return c.name();
    }
}
