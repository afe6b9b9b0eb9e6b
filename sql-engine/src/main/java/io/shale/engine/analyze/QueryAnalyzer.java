package io.shale.engine.analyze;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.function.ScalarFunction;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.CommonTableExpression;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.IntegerLiteral;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.QueryBody;
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.SetOperation;
import io.shale.grammar.ast.SortItem;
import io.shale.grammar.ast.Values;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Queries: WITH, set operations, VALUES, SELECT blocks, ORDER BY, LIMIT and OFFSET. */
public final class QueryAnalyzer {
    final AnalyzerContext context;
    final ExpressionAnalyzer expressions;
    final FromAnalyzer from;
    private final SelectAnalyzer select;
    private final Deque<Map<String, CteInfo>> ctes = new ArrayDeque<>();
    private final java.util.Set<Integer> usedCtes = new java.util.HashSet<>();

    public QueryAnalyzer(AnalyzerContext context) {
        this.context = context;
        this.expressions = new ExpressionAnalyzer(context, this);
        this.from = new FromAnalyzer(this);
        this.select = new SelectAnalyzer(this);
    }

    /** A query's plan; the plan's columns are the query's output columns. */
    public record AnalyzedQuery(PlanNode plan) {
        public List<OutputColumn> columns() {
            return plan.columns();
        }
    }

    /** A CTE visible by name: its id and columns; a recursive one's work table inside its own step. */
    record CteInfo(int id, List<OutputColumn> columns, boolean recursiveWorkTable) {
    }

    CteInfo findCte(String name) {
        for (Map<String, CteInfo> level : ctes) {
            CteInfo info = level.get(name);
            if (info != null) {
                usedCtes.add(info.id());
                return info;
            }
        }
        return null;
    }

    /** Analyses a query; {@code outer} is the enclosing query's scope for correlated references. */
    public AnalyzedQuery analyze(Query query, Scope outer) {
        List<Integer> cteIds = new ArrayList<>();
        List<PlanNode> ctePlans = new ArrayList<>();
        boolean pushed = query.with() != null;
        if (pushed) {
            ctes.push(new HashMap<>());
            for (CommonTableExpression cte : query.with().tables()) {
                int id = context.nextId();
                PlanNode plan = cte(cte, id, query.with().recursive(), outer);
                ctes.peek().put(cte.name(), new CteInfo(id, plan.columns(), false));
                cteIds.add(id);
                ctePlans.add(plan);
            }
        }
        try {
            PlanNode plan = body(query.body(), outer, query.orderBy(), query.locking());
            if (query.limit() != null || query.offset() != null) {
                plan = new PlanNode.Limit(plan, rowCount(query.limit(), "LIMIT"), rowCount(query.offset(), "OFFSET"));
            }
            if (pushed) {
                plan = new PlanNode.WithCtes(cteIds, ctePlans, plan);
            }
            return new AnalyzedQuery(plan);
        } finally {
            if (pushed) {
                ctes.pop();
            }
        }
    }

    private PlanNode cte(CommonTableExpression cte, int id, boolean recursive, Scope outer) {
        if (!(cte.statement() instanceof Query q)) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "data-modifying statements in WITH are not supported");
        }
        if (recursive && q.body() instanceof SetOperation set && set.operator() == io.shale.grammar.ast.SetOperator.UNION) {
            PlanNode seed = body(set.left(), outer, List.of());
            List<OutputColumn> columns = rename(seed.columns(), cte.columns());
            int workId = context.nextId();
            ctes.peek().put(cte.name(), new CteInfo(workId, columns, true));
            PlanNode step;
            try {
                step = body(set.right(), outer, List.of());
            } finally {
                ctes.peek().remove(cte.name());
            }
            if (usedCtes.contains(workId)) {
                step = select.coerceColumns(step, columns, "UNION");
                return new PlanNode.RecursiveUnion(workId, withColumns(seed, columns), step, set.all(), columns);
            }
        }
        AnalyzedQuery analyzed = analyze(q, outer);
        return withColumns(analyzed.plan(), rename(analyzed.columns(), cte.columns()));
    }

    static List<OutputColumn> rename(List<OutputColumn> columns, List<String> names) {
        if (names.isEmpty()) {
            return columns;
        }
        List<OutputColumn> result = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            result.add(i < names.size() ? columns.get(i).withName(names.get(i)) : columns.get(i));
        }
        return result;
    }

    /** The same rows under other column labels. */
    static PlanNode withColumns(PlanNode plan, List<OutputColumn> columns) {
        if (plan.columns().equals(columns)) {
            return plan;
        }
        List<Expr> refs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            refs.add(new Expr.ColumnRef(i, plan.columns().get(i).type(), columns.get(i).name()));
        }
        return new PlanNode.Project(plan, refs, columns);
    }

    PlanNode body(QueryBody body, Scope outer, List<SortItem> orderBy) {
        return body(body, outer, orderBy, List.of());
    }

    /** A query body with the locking clauses of its query (refused where PostgreSQL refuses them). */
    private PlanNode body(QueryBody body, Scope outer, List<SortItem> orderBy,
                          List<io.shale.grammar.ast.LockingClause> locking) {
        if (!locking.isEmpty() && body instanceof SetOperation) {
            throw RowLocking.notAllowed(locking, "UNION/INTERSECT/EXCEPT");
        }
        if (!locking.isEmpty() && body instanceof Values) {
            throw RowLocking.cannotApply(locking.getFirst(), "VALUES");
        }
        return switch (body) {
            case QuerySpecification spec -> select.analyze(spec, outer, orderBy, locking);
            case Query q -> {
                List<io.shale.grammar.ast.LockingClause> all = new ArrayList<>(q.locking());
                all.addAll(locking);
                PlanNode inner = analyze(new Query(q.with(), q.body(), q.orderBy(), q.limit(), q.offset(), all), outer)
                        .plan();
                yield orderBy.isEmpty() ? inner : select.orderByOutput(inner, orderBy, outer);
            }
            case SetOperation set -> {
                PlanNode plan = setOperation(set, outer);
                yield orderBy.isEmpty() ? plan : select.orderByOutput(plan, orderBy, outer);
            }
            case Values values -> {
                PlanNode plan = values(values, outer);
                yield orderBy.isEmpty() ? plan : select.orderByOutput(plan, orderBy, outer);
            }
        };
    }

    private PlanNode setOperation(SetOperation set, Scope outer) {
        PlanNode left = body(set.left(), outer, List.of());
        PlanNode right = body(set.right(), outer, List.of());
        String name = set.operator().name();
        if (left.columns().size() != right.columns().size()) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, "each " + name + " query must have the same number of columns");
        }
        List<OutputColumn> columns = new ArrayList<>();
        for (int i = 0; i < left.columns().size(); i++) {
            SqlType type = expressions.coercion.commonType(List.of(left.columns().get(i).type(), right.columns().get(i).type()),
                    name, 0);
            columns.add(OutputColumn.of(left.columns().get(i).name(), type));
        }
        left = select.coerceColumns(left, columns, name);
        right = select.coerceColumns(right, columns, name);
        PlanNode.SetOperationKind kind = switch (set.operator()) {
            case UNION -> PlanNode.SetOperationKind.UNION;
            case INTERSECT -> PlanNode.SetOperationKind.INTERSECT;
            case EXCEPT -> PlanNode.SetOperationKind.EXCEPT;
        };
        return new PlanNode.SetOperation(kind, set.all(), left, right, columns);
    }

    private PlanNode values(Values values, Scope outer) {
        ExpressionAnalyzer.Clause clause = new ExpressionAnalyzer.Clause("VALUES", null);
        List<List<Expr>> rows = new ArrayList<>();
        Scope scope = Scope.empty(outer);
        int width = -1;
        for (List<Expression> row : values.rows()) {
            List<Expr> exprs = expressions.analyzeAll(row, scope, clause);
            if (width >= 0 && exprs.size() != width) {
                throw new ShaleException(ErrorCode.SYNTAX_ERROR, "VALUES lists must all be the same length");
            }
            width = exprs.size();
            rows.add(exprs);
        }
        List<OutputColumn> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<Expr> column = new ArrayList<>();
            for (List<Expr> row : rows) {
                column.add(row.get(c));
            }
            SqlType type = expressions.common(column, "VALUES", 0);
            columns.add(OutputColumn.of("column" + (c + 1), type));
            for (List<Expr> row : rows) {
                row.set(c, expressions.coercion.coerce(row.get(c), type, TypeCoercion.Mode.IMPLICIT, 0));
            }
        }
        return new PlanNode.Values(rows, columns);
    }

    private Expr rowCount(Expression e, String clause) {
        if (e == null) {
            return null;
        }
        Expr value = expressions.analyze(e, Scope.empty(null), new ExpressionAnalyzer.Clause(clause, null));
        return expressions.coercion.coerce(value, SqlType.INT8, TypeCoercion.Mode.IMPLICIT, e.position());
    }

    /** A subquery used as an expression ({@code op} is the comparison of ANY/ALL). */
    Expr subquery(Expr.SubqueryKind kind, Query query, Expr input, String op, Scope scope, int position) {
        PlanNode plan = analyze(query, scope).plan();
        int width = plan.columns().size();
        if (kind != Expr.SubqueryKind.EXISTS && width != 1) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, width > 1 ? "subquery has too many columns"
                    : "subquery must return only one column").withPosition(position);
        }
        return switch (kind) {
            case EXISTS -> new Expr.SubqueryExpr(kind, plan, null, null, SqlType.BOOL);
            case SCALAR -> new Expr.SubqueryExpr(kind, plan, null, null, plan.columns().get(0).type());
            case ARRAY -> {
                int element = plan.columns().get(0).type().oid();
                yield new Expr.SubqueryExpr(kind, plan, null, null, SqlType.of(context.arrayOf(element)));
            }
            case ANY, ALL -> {
                SqlType columnType = plan.columns().get(0).type();
                ResolvedFunction f = context.functions.operator(op, input.type(), columnType);
                Expr coercedInput = expressions.coercion.coerce(input, f.argumentTypes().get(0), TypeCoercion.Mode.IMPLICIT,
                        position);
                if (!f.argumentTypes().get(1).equals(columnType)) {
                    List<OutputColumn> cols = List.of(OutputColumn.of(plan.columns().get(0).name(), f.argumentTypes().get(1)));
                    plan = select.coerceColumns(plan, cols, "ANY");
                }
                ScalarFunction test = f.scalar();
                yield new Expr.SubqueryExpr(kind, plan, coercedInput, test, SqlType.BOOL);
            }
        };
    }

    static boolean isOrdinal(Expression e) {
        return e instanceof IntegerLiteral;
    }

}
