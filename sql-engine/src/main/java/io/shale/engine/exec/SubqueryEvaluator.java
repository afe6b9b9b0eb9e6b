package io.shale.engine.exec;

import io.shale.common.types.ArrayValue;
import io.shale.engine.function.ScalarFunction;
import io.shale.engine.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a subquery used as an expression, once per outer row (the row is visible to the
 * subquery's outer references). A subquery without outer references runs once per execution.
 */
final class SubqueryEvaluator implements Evaluator {
    private final Expr.SubqueryExpr expr;
    private final OperatorFactory operators;
    private final Evaluator input;
    private final boolean correlated;

    SubqueryEvaluator(Expr.SubqueryExpr expr, OperatorFactory operators, Evaluator input) {
        this.expr = expr;
        this.operators = operators;
        this.input = input;
        this.correlated = PlanInspector.hasOuterReferences(expr.plan());
    }

    @Override
    public Object eval(Object[] row, ExecContext ctx) {
        List<Object[]> rows = correlated ? run(row, ctx) : cached(row, ctx);
        return switch (expr.kind()) {
            case SCALAR -> {
                if (rows.size() > 1) {
                    throw ExpressionCompiler.tooManyRows();
                }
                yield rows.isEmpty() ? null : rows.get(0)[0];
            }
            case EXISTS -> !rows.isEmpty();
            case ARRAY -> ArrayValue.of(expr.type().oid() == 0 ? 0 : elementOid(), ExpressionCompiler.column0(rows).toArray());
            case ANY, ALL -> {
                Object v = input.eval(row, ctx);
                ScalarFunction test = expr.test();
                yield ExpressionCompiler.Quantified.test(v, ExpressionCompiler.column0(rows), test,
                        expr.kind() == Expr.SubqueryKind.ALL, ctx);
            }
        };
    }

    private int elementOid() {
        return expr.plan().columns().get(0).type().oid();
    }

    private List<Object[]> cached(Object[] row, ExecContext ctx) {
        Object key = this;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = (List<Object[]>) ctx.cache(key);
        if (rows == null) {
            rows = run(row, ctx);
            ctx.cache(key, rows);
        }
        return rows;
    }

    private List<Object[]> run(Object[] row, ExecContext ctx) {
        ctx.pushOuter(row);
        try (Operator op = operators.create(expr.plan(), ctx)) {
            List<Object[]> rows = new ArrayList<>();
            boolean scalar = expr.kind() == Expr.SubqueryKind.SCALAR;
            boolean exists = expr.kind() == Expr.SubqueryKind.EXISTS;
            for (Object[] r = op.next(); r != null; r = op.next()) {
                rows.add(r);
                if (exists || (scalar && rows.size() > 1)) {
                    break;
                }
            }
            return rows;
        } finally {
            ctx.popOuter();
        }
    }
}
