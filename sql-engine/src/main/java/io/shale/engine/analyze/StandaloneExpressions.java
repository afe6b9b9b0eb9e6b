package io.shale.engine.analyze;

import io.shale.common.types.SqlType;
import io.shale.engine.plan.Expr;
import io.shale.grammar.ast.Expression;

/**
 * Expressions outside any query: EXECUTE arguments, column defaults, values of DDL options.
 * They see no columns.
 */
public final class StandaloneExpressions {
    private StandaloneExpressions() {
    }

    /** Analyses an expression and converts it to {@code target} (assignment rules), or leaves its type when null. */
    public static Expr analyze(AnalyzerContext context, Expression expression, SqlType target, String clause) {
        QueryAnalyzer queries = new QueryAnalyzer(context);
        Expr e = queries.expressions.analyze(expression, Scope.empty(null), new ExpressionAnalyzer.Clause(clause, null));
        if (target == null) {
            return TypeCoercion.isUnknown(e.type())
                    ? queries.expressions.coercion.coerce(e, SqlType.TEXT, TypeCoercion.Mode.IMPLICIT, expression.position()) : e;
        }
        return queries.expressions.coercion.coerce(e, target, TypeCoercion.Mode.ASSIGNMENT, expression.position());
    }

    /** Analyses a boolean expression over a table's stored row (CHECK constraints, index predicates). */
    public static Expr overTable(AnalyzerContext context, io.shale.catalog.Table table, Expression expression, String clause) {
        QueryAnalyzer queries = new QueryAnalyzer(context);
        Scope scope = new DmlAnalyzer(queries).tableScope(table, table.name(), null);
        Expr e = queries.expressions.analyze(expression, scope, new ExpressionAnalyzer.Clause(clause, null));
        return queries.expressions.coercion.condition(e, clause, expression.position());
    }
}
