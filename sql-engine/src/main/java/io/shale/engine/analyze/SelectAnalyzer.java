package io.shale.engine.analyze;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.engine.plan.SortKey;
import io.shale.grammar.ast.AllColumns;
import io.shale.grammar.ast.ColumnReference;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.IntegerLiteral;
import io.shale.grammar.ast.LockingClause;
import io.shale.grammar.ast.NullOrdering;
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.SelectItem;
import io.shale.grammar.ast.SingleColumn;
import io.shale.grammar.ast.SortItem;
import io.shale.grammar.ast.SortOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * A SELECT block: FROM and WHERE, grouping and aggregates, HAVING, window functions, the select
 * list, DISTINCT [ON] and ORDER BY (which may use columns the select list does not show).
 */
final class SelectAnalyzer {
    private final QueryAnalyzer queries;
    private final ExpressionAnalyzer expressions;

    SelectAnalyzer(QueryAnalyzer queries) {
        this.queries = queries;
        this.expressions = queries.expressions;
    }

    PlanNode analyze(QuerySpecification spec, Scope outer, List<SortItem> orderBy, List<LockingClause> locking) {
        PlanNode plan;
        Scope scope;
        RowLocking.Marks marks = null;
        if (spec.from().isEmpty()) {
            plan = new PlanNode.Values(List.of(List.of()), List.of());
            scope = Scope.empty(outer);
        } else {
            FromAnalyzer.Level saved = queries.from.enter(locking);
            FromAnalyzer.FromItem from;
            java.util.Map<String, RowLocking.ItemKind> kinds;
            try {
                from = queries.from.analyze(spec.from(), outer);
            } finally {
                kinds = queries.from.leave(saved);
            }
            plan = from.plan();
            scope = new Scope(outer, from.entries(), from.merged());
            if (!locking.isEmpty()) {
                marks = RowLocking.resolve(locking, from.entries(), kinds, plan, queries.context);
            }
        }
        Expr recheck = marks == null ? null : marks.joinConditions();
        if (spec.where() != null) {
            Expr where = expressions.analyze(spec.where(), scope, new ExpressionAnalyzer.Clause("WHERE", null));
            where = expressions.coercion.condition(where, "WHERE", spec.where().position());
            plan = new PlanNode.Filter(plan, where);
            recheck = recheck == null ? where : new Expr.And(List.of(where, recheck));
        }
        LevelCollector collector = new LevelCollector(expressions, scope, spec.windows());
        ExpressionAnalyzer.Clause selectClause = new ExpressionAnalyzer.Clause("SELECT", collector);

        List<Expr> outputs = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        for (SelectItem item : spec.selectItems()) {
            switch (item) {
                case AllColumns all -> {
                    List<Scope.StarColumn> star = all.qualifier() == null ? scope.star()
                            : Scope.entryColumns(scope.entry(all.qualifier().parts(), all.position()), List.of());
                    if (all.qualifier() == null && star.isEmpty() && spec.from().isEmpty()) {
                        throw new ShaleException(ErrorCode.SYNTAX_ERROR, "SELECT * with no tables specified is not valid")
                                .withPosition(all.position());
                    }
                    for (Scope.StarColumn c : star) {
                        outputs.add(c.expr());
                        columns.add(new OutputColumn(c.name(), c.expr().type(), c.tableOid(), c.attnum()));
                    }
                }
                case SingleColumn single -> {
                    Expr e = expressions.analyze(single.expression(), scope, selectClause);
                    if (TypeCoercion.isUnknown(e.type())) {
                        e = expressions.coercion.coerce(e, SqlType.TEXT, TypeCoercion.Mode.IMPLICIT, 0);
                    }
                    outputs.add(e);
                    columns.add(column(single, e, scope));
                }
            }
        }
        List<Expr> groupKeys = new ArrayList<>();
        for (Expression g : spec.groupBy()) {
            groupKeys.add(groupKey(g, scope, outputs, columns));
        }
        Expr having = spec.having() == null ? null : expressions.coercion.condition(
                expressions.analyze(spec.having(), scope, new ExpressionAnalyzer.Clause("HAVING", collector)), "HAVING",
                spec.having().position());

        List<SortKey> sortKeys = new ArrayList<>();
        List<Integer> sortOutputs = new ArrayList<>();
        List<Expr> hiddenSort = new ArrayList<>();
        for (SortItem s : orderBy) {
            int index = outputIndex(s.expression(), columns, outputs.size());
            Expr key;
            if (index >= 0) {
                key = outputs.get(index);
            } else {
                key = expressions.analyze(s.expression(), scope, selectClause);
                index = outputs.indexOf(key);
                if (index < 0) {
                    if (spec.distinct() && spec.distinctOn().isEmpty()) {
                        throw new ShaleException(ErrorCode.INVALID_COLUMN_REFERENCE,
                                "for SELECT DISTINCT, ORDER BY expressions must appear in select list")
                                .withPosition(s.expression().position());
                    }
                    hiddenSort.add(key);
                    index = outputs.size() + hiddenSort.size() - 1;
                }
            }
            sortOutputs.add(index);
            sortKeys.add(sortKey(s, new Expr.ColumnRef(index, key.type(), null)));
        }
        List<Expr> distinctOn = new ArrayList<>();
        for (Expression d : spec.distinctOn()) {
            int index = outputIndex(d, columns, outputs.size());
            Expr key = index >= 0 ? outputs.get(index) : expressions.analyze(d, scope, selectClause);
            distinctOn.add(key);
        }

        List<Expr> all = new ArrayList<>(outputs);
        all.addAll(hiddenSort);
        boolean grouped = !groupKeys.isEmpty() || !collector.aggregates.isEmpty() || having != null;
        if (!locking.isEmpty()) {
            checkLocking(spec, locking, groupKeys, having, collector, all);
        }
        if (grouped) {
            GroupRewriter rewriter = new GroupRewriter(groupKeys, scope);
            plan = new PlanNode.Aggregate(plan, groupKeys, collector.aggregates, rewriter.columns(collector.aggregates));
            all = rewriter.rewriteAll(all);
            distinctOn = rewriter.rewriteAll(distinctOn);
            collector.rewriteWindows(rewriter);
            if (having != null) {
                plan = new PlanNode.Filter(plan, rewriter.rewrite(having));
            }
        }
        if (!collector.windows.isEmpty()) {
            int width = plan.columns().size();
            List<OutputColumn> windowColumns = new ArrayList<>(plan.columns());
            for (var call : collector.windows) {
                windowColumns.add(OutputColumn.of(call.name(), call.type()));
            }
            plan = new PlanNode.Window(plan, collector.windows, windowColumns);
            all = ExprRewriter.all(all, e -> e instanceof Expr.WindowRef w ? new Expr.ColumnRef(width + w.index(), w.type(), null) : null);
            distinctOn = ExprRewriter.all(distinctOn, e -> e instanceof Expr.WindowRef w
                    ? new Expr.ColumnRef(width + w.index(), w.type(), null) : null);
        }
        for (List<Expr.SetCall> level = setCalls(all); !level.isEmpty(); level = setCalls(all)) {
            List<Expr.SetCall> setCalls = level;
            int width = plan.columns().size();
            List<OutputColumn> setColumns = new ArrayList<>(plan.columns());
            for (Expr.SetCall c : setCalls) {
                setColumns.add(OutputColumn.of(c.name(), c.type()));
            }
            plan = new PlanNode.ProjectSet(plan, setCalls, setColumns);
            java.util.function.Function<Expr, Expr> rule = e -> e instanceof Expr.SetCall c && setCalls.contains(c)
                    ? new Expr.ColumnRef(width + setCalls.indexOf(c), c.type(), null) : null;
            all = ExprRewriter.all(all, rule);
            distinctOn = ExprRewriter.all(distinctOn, rule);
        }
        List<OutputColumn> projected = new ArrayList<>(columns);
        for (Expr h : hiddenSort) {
            projected.add(OutputColumn.of("?sort?", h.type()));
        }
        if (!distinctOn.isEmpty()) {
            List<Expr> keysAfter = new ArrayList<>();
            for (Expr k : distinctOn) {
                int index = all.indexOf(k);
                if (index < 0) {
                    all.add(k);
                    projected.add(OutputColumn.of("?distinct?", k.type()));
                    index = all.size() - 1;
                }
                keysAfter.add(new Expr.ColumnRef(index, k.type(), null));
            }
            plan = new PlanNode.Project(plan, all, projected);
            List<SortKey> distinctSort = new ArrayList<>();
            for (Expr k : keysAfter) {
                distinctSort.add(new SortKey(k, false, false));
            }
            distinctSort.addAll(sortKeys);
            plan = new PlanNode.Distinct(new PlanNode.Sort(plan, distinctSort), keysAfter);
        } else {
            List<Expr> computed = List.copyOf(all);
            boolean locks = marks != null && !marks.marks().isEmpty();
            if (locks) {
                List<OutputColumn> source = plan.columns();
                for (int i = 0; i < source.size(); i++) {
                    all.add(new Expr.ColumnRef(i, source.get(i).type(), null));
                    projected.add(OutputColumn.of("?locked?", source.get(i).type()));
                }
            }
            plan = new PlanNode.Project(plan, all, projected);
            if (spec.distinct() && spec.distinctOn().isEmpty()) {
                plan = new PlanNode.Distinct(plan, List.of());
            }
            if (!sortKeys.isEmpty()) {
                plan = new PlanNode.Sort(plan, sortKeys);
            }
            if (locks) {
                plan = new PlanNode.LockRows(plan, marks.marks(), computed.size(), recheck, computed);
            }
        }
        if (projected.size() != columns.size()) {
            List<Expr> visible = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                visible.add(new Expr.ColumnRef(i, columns.get(i).type(), columns.get(i).name()));
            }
            plan = new PlanNode.Project(plan, visible, columns);
        }
        return plan;
    }

    /** PostgreSQL's CheckSelectLocking: locking clauses do not mix with grouping, DISTINCT, windows or set functions. */
    private static void checkLocking(QuerySpecification spec, List<LockingClause> locking, List<Expr> groupKeys,
                                     Expr having, LevelCollector collector, List<Expr> all) {
        if (spec.distinct() || !spec.distinctOn().isEmpty()) {
            throw RowLocking.notAllowed(locking, "DISTINCT clause");
        }
        if (!groupKeys.isEmpty()) {
            throw RowLocking.notAllowed(locking, "GROUP BY clause");
        }
        if (having != null) {
            throw RowLocking.notAllowed(locking, "HAVING clause");
        }
        if (!collector.aggregates.isEmpty()) {
            throw RowLocking.notAllowed(locking, "aggregate functions");
        }
        if (!collector.windows.isEmpty()) {
            throw RowLocking.notAllowed(locking, "window functions");
        }
        for (Expr e : all) {
            if (containsSetCall(e)) {
                throw RowLocking.notAllowed(locking, "set-returning functions in the target list");
            }
        }
    }

    /**
     * The distinct innermost set-returning calls of a select list (those whose arguments hold no
     * other), in order; identical calls run once. Nested calls take one ProjectSet per level.
     */
    private static List<Expr.SetCall> setCalls(List<Expr> exprs) {
        List<Expr.SetCall> calls = new ArrayList<>();
        for (Expr e : exprs) {
            ExprRewriter.rewrite(e, x -> {
                if ((x instanceof Expr.Case || x instanceof Expr.Coalesce) && containsSetCall(x)) {
                    throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "set-returning functions are not allowed in "
                            + (x instanceof Expr.Case ? "CASE" : "COALESCE"));
                }
                if (x instanceof Expr.SetCall c && !containsSetCall(new Expr.RowOf(c.arguments(), SqlType.TEXT))) {
                    if (!calls.contains(c)) {
                        calls.add(c);
                    }
                    return c;
                }
                return null;
            });
        }
        return calls;
    }

    private static boolean containsSetCall(Expr e) {
        boolean[] found = {false};
        ExprRewriter.rewrite(e, x -> {
            found[0] |= x instanceof Expr.SetCall;
            return null;
        });
        return found[0];
    }

    private static SortKey sortKey(SortItem s, Expr key) {
        boolean descending = s.order() == SortOrder.DESC;
        boolean nullsFirst = s.nullOrdering() == NullOrdering.FIRST
                || s.nullOrdering() != NullOrdering.LAST && descending;
        return new SortKey(key, descending, nullsFirst);
    }

    /** ORDER BY of a set operation or VALUES: output columns by name or position only. */
    PlanNode orderByOutput(PlanNode plan, List<SortItem> orderBy, Scope outer) {
        List<OutputColumn> columns = plan.columns();
        List<SortKey> keys = new ArrayList<>();
        for (SortItem s : orderBy) {
            int index = outputIndex(s.expression(), columns, columns.size());
            if (index < 0) {
                List<io.shale.engine.analyze.ScopeEntry> entries = new ArrayList<>();
                List<String> names = new ArrayList<>();
                List<SqlType> types = new ArrayList<>();
                List<Boolean> hidden = new ArrayList<>();
                List<Short> attnums = new ArrayList<>();
                for (OutputColumn c : columns) {
                    names.add(c.name());
                    types.add(c.type());
                    hidden.add(false);
                    attnums.add((short) 0);
                }
                entries.add(new ScopeEntry(null, null, names, types, 0, hidden, 0, attnums));
                Expr key = expressions.analyze(s.expression(), new Scope(outer, entries, List.of()),
                        new ExpressionAnalyzer.Clause("ORDER BY", null));
                keys.add(sortKey(s, key));
                continue;
            }
            keys.add(sortKey(s, new Expr.ColumnRef(index, columns.get(index).type(), null)));
        }
        return new PlanNode.Sort(plan, keys);
    }

    /** The select-list position an ORDER BY / GROUP BY item names (ordinal or output name), or -1. */
    private static int outputIndex(Expression e, List<OutputColumn> columns, int count) {
        if (e instanceof IntegerLiteral i) {
            int n = Integer.parseInt(i.text());
            if (n < 1 || n > count) {
                throw new ShaleException(ErrorCode.INVALID_COLUMN_REFERENCE, "ORDER BY position " + n
                        + " is not in select list").withPosition(i.position());
            }
            return n - 1;
        }
        if (e instanceof ColumnReference c && c.name().parts().size() == 1) {
            String name = c.name().parts().get(0);
            for (int i = 0; i < count; i++) {
                if (name.equals(columns.get(i).name())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private Expr groupKey(Expression g, Scope scope, List<Expr> outputs, List<OutputColumn> columns) {
        if (g instanceof IntegerLiteral i) {
            int n = Integer.parseInt(i.text());
            if (n < 1 || n > outputs.size()) {
                throw new ShaleException(ErrorCode.INVALID_COLUMN_REFERENCE, "GROUP BY position " + n
                        + " is not in select list").withPosition(i.position());
            }
            return outputs.get(n - 1);
        }
        ExpressionAnalyzer.Clause clause = new ExpressionAnalyzer.Clause("GROUP BY", null);
        try {
            return expressions.analyze(g, scope, clause);
        } catch (ShaleException e) {
            if (e.code() == ErrorCode.UNDEFINED_COLUMN && g instanceof ColumnReference c && c.name().parts().size() == 1) {
                int index = outputIndex(g, columns, outputs.size());
                if (index >= 0) {
                    return outputs.get(index);
                }
            }
            throw e;
        }
    }

    private static OutputColumn column(SingleColumn single, Expr e, Scope scope) {
        String name = single.alias() != null ? single.alias() : ColumnNames.derive(single.expression());
        if (e instanceof Expr.ColumnRef c) {
            for (ScopeEntry entry : scope.entries) {
                int i = c.index() - entry.offset();
                if (i >= 0 && i < entry.width() && entry.tableOid() != 0) {
                    return new OutputColumn(name, e.type(), entry.tableOid(), entry.attnums().get(i));
                }
            }
        }
        return OutputColumn.of(name, e.type());
    }

    /** Casts a plan's columns to the given types (UNION branches, recursive steps). */
    PlanNode coerceColumns(PlanNode plan, List<OutputColumn> columns, String construct) {
        boolean same = true;
        List<Expr> exprs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            SqlType from = plan.columns().get(i).type();
            Expr ref = new Expr.ColumnRef(i, from, null);
            if (!from.equals(columns.get(i).type())) {
                same = false;
                ref = expressions.coercion.coerce(ref, columns.get(i).type(), TypeCoercion.Mode.IMPLICIT, 0);
            }
            exprs.add(ref);
        }
        return same ? plan : new PlanNode.Project(plan, exprs, columns);
    }
}
