package io.shale.engine.analyze;

import io.shale.catalog.Column;
import io.shale.catalog.Relation;
import io.shale.catalog.View;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.SqlParser;
import io.shale.grammar.ast.AliasedRelation;
import io.shale.grammar.ast.FunctionCall;
import io.shale.grammar.ast.FunctionRelation;
import io.shale.grammar.ast.Join;
import io.shale.grammar.ast.JoinOn;
import io.shale.grammar.ast.JoinUsing;
import io.shale.grammar.ast.NaturalJoin;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.SubqueryRelation;
import io.shale.grammar.ast.Table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The FROM clause: relations, subqueries, functions and joins, as a plan and the names it defines. */
final class FromAnalyzer {
    private final QueryAnalyzer queries;
    private final AnalyzerContext context;
    /** The locking clauses of the SELECT block whose FROM is being analysed (pushed into views and subqueries). */
    private List<io.shale.grammar.ast.LockingClause> locking = List.of();
    /** What each FROM item of that block is, by alias. */
    private java.util.Map<String, RowLocking.ItemKind> kinds = new java.util.HashMap<>();

    /** The state of an enclosing block's FROM analysis, restored by {@link #leave}. */
    record Level(List<io.shale.grammar.ast.LockingClause> locking, java.util.Map<String, RowLocking.ItemKind> kinds) {
    }

    /** Starts the FROM of a SELECT block with these locking clauses. */
    Level enter(List<io.shale.grammar.ast.LockingClause> blockLocking) {
        Level saved = new Level(locking, kinds);
        locking = blockLocking;
        kinds = new java.util.HashMap<>();
        return saved;
    }

    /** Ends the block's FROM: returns its items' kinds and restores the enclosing block's state. */
    java.util.Map<String, RowLocking.ItemKind> leave(Level saved) {
        java.util.Map<String, RowLocking.ItemKind> result = kinds;
        locking = saved.locking();
        kinds = saved.kinds();
        return result;
    }

    FromAnalyzer(QueryAnalyzer queries) {
        this.queries = queries;
        this.context = queries.context;
    }

    /** A FROM item's plan and the scope entries of its columns (offsets from 0). */
    record FromItem(PlanNode plan, List<ScopeEntry> entries, List<Scope.Merged> merged) {
        int width() {
            return plan.columns().size();
        }
    }

    /** The whole FROM list: comma-separated items are cross joins, later ones may be LATERAL. */
    FromItem analyze(List<io.shale.grammar.ast.Relation> from, Scope outer) {
        FromItem result = null;
        for (io.shale.grammar.ast.Relation r : from) {
            if (result == null) {
                result = item(r, outer, outer);
            } else {
                result = join(result, r, PlanNode.JoinType.INNER, null, outer);
            }
        }
        return result;
    }

    private FromItem item(io.shale.grammar.ast.Relation r, Scope outer, Scope lateral) {
        return switch (r) {
            case Table t -> table(t, outer, null);
            case AliasedRelation a -> aliased(a, outer, lateral);
            case SubqueryRelation s -> subquery(s.query(), lateral, "unnamed_subquery");
            case FunctionRelation f -> function(f, lateral, null, List.of());
            case Join j -> {
                FromItem left = item(j.left(), outer, lateral);
                yield join(left, j, outer);
            }
        };
    }

    private FromItem join(FromItem left, Join j, Scope outer) {
        PlanNode.JoinType type = switch (j.type()) {
            case INNER, CROSS -> PlanNode.JoinType.INNER;
            case LEFT -> PlanNode.JoinType.LEFT;
            case RIGHT -> PlanNode.JoinType.RIGHT;
            case FULL -> PlanNode.JoinType.FULL;
        };
        return join(left, j.right(), type, j, outer);
    }

    private FromItem join(FromItem left, io.shale.grammar.ast.Relation rightAst, PlanNode.JoinType type, Join j,
                          Scope outer) {
        Scope leftScope = new Scope(outer, left.entries(), left.merged());
        FromItem right = item(rightAst, outer, leftScope);
        boolean lateral = PlanInspectorAccess.refersToDepth1(right.plan());
        int leftWidth = left.width();
        List<ScopeEntry> entries = new ArrayList<>(left.entries());
        for (ScopeEntry e : right.entries()) {
            entries.add(e.shifted(leftWidth));
        }
        List<Scope.Merged> merged = new ArrayList<>(left.merged());
        for (Scope.Merged m : right.merged()) {
            merged.add(new Scope.Merged(m.name(), ExprRewriter.shift(m.expr(), leftWidth), shiftHidden(m.hiddenColumns(), leftWidth)));
        }
        List<OutputColumn> columns = new ArrayList<>(left.plan().columns());
        columns.addAll(right.plan().columns());
        Expr condition = null;
        if (j != null && j.criteria() != null) {
            Scope joined = new Scope(outer, entries, merged);
            switch (j.criteria()) {
                case JoinOn on -> condition = queries.expressions.coercion.condition(
                        queries.expressions.analyze(on.condition(), joined, new ExpressionAnalyzer.Clause("JOIN conditions", null)),
                        "JOIN/ON", 0);
                case JoinUsing using -> condition = using(using.columns(), left, right, leftWidth, type, merged, 0);
                case NaturalJoin n -> {
                    List<String> common = new ArrayList<>();
                    Scope leftNames = new Scope(null, left.entries(), left.merged());
                    for (Scope.StarColumn c : new Scope(null, right.entries(), right.merged()).star()) {
                        for (Scope.StarColumn l : leftNames.star()) {
                            if (l.name().equals(c.name()) && !common.contains(c.name())) {
                                common.add(c.name());
                            }
                        }
                    }
                    condition = common.isEmpty() ? null : using(common, left, right, leftWidth, type, merged, 0);
                }
            }
        }
        PlanNode plan = new PlanNode.Join(left.plan(), right.plan(), type, condition, lateral, columns);
        return new FromItem(plan, entries, merged);
    }

    private static List<int[]> shiftHidden(List<int[]> hidden, int delta) {
        List<int[]> result = new ArrayList<>();
        for (int[] h : hidden) {
            result.add(new int[] {h[0] + delta});
        }
        return result;
    }

    private Expr using(List<String> names, FromItem left, FromItem right, int leftWidth, PlanNode.JoinType type,
                       List<Scope.Merged> merged, int position) {
        List<Expr> terms = new ArrayList<>();
        Scope leftScope = new Scope(null, left.entries(), left.merged());
        Scope rightScope = new Scope(null, right.entries(), right.merged());
        for (String name : names) {
            Expr l = leftScope.resolve(List.of(name), position);
            Expr r = ExprRewriter.shift(rightScope.resolve(List.of(name), position), leftWidth);
            SqlType common = queries.expressions.common(List.of(l, r), "JOIN/USING", position);
            Expr lc = queries.expressions.coercion.coerce(l, common, TypeCoercion.Mode.IMPLICIT, position);
            Expr rc = queries.expressions.coercion.coerce(r, common, TypeCoercion.Mode.IMPLICIT, position);
            terms.add(queries.expressions.operatorCall("=", lc, rc, position));
            Expr value = switch (type) {
                case RIGHT -> rc;
                case FULL -> new Expr.Coalesce(List.of(lc, rc), common);
                default -> lc;
            };
            List<int[]> hidden = new ArrayList<>();
            if (l instanceof Expr.ColumnRef lr) {
                hidden.add(new int[] {lr.index()});
            }
            if (r instanceof Expr.ColumnRef rr) {
                hidden.add(new int[] {rr.index()});
            }
            merged.removeIf(m -> m.name().equals(name));
            merged.add(new Scope.Merged(name, value, hidden));
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
    }

    private FromItem aliased(AliasedRelation a, Scope outer, Scope lateral) {
        FromItem inner = switch (a.relation()) {
            case FunctionRelation f -> function(f, lateral, a.alias(), a.columnAliases());
            case SubqueryRelation s -> subquery(s.query(), lateral, a.alias());
            case Table t -> table(t, outer, a.alias());
            default -> item(a.relation(), outer, lateral);
        };
        if (inner.entries().size() != 1) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "an alias on a join is not supported");
        }
        ScopeEntry e = inner.entries().get(0);
        List<String> names = new ArrayList<>(e.names());
        int visible = 0;
        for (int i = 0; i < names.size() && visible < a.columnAliases().size(); i++) {
            if (!e.hidden().get(i)) {
                names.set(i, a.columnAliases().get(visible++));
            }
        }
        if (visible < a.columnAliases().size()) {
            throw new ShaleException(ErrorCode.INVALID_COLUMN_REFERENCE, "table \"" + a.alias() + "\" has "
                    + visible + " columns available but " + a.columnAliases().size() + " columns specified");
        }
        ScopeEntry renamed = new ScopeEntry(a.alias(), null, names, e.types(), e.offset(), e.hidden(), e.tableOid(), e.attnums());
        return new FromItem(inner.plan(), List.of(renamed), List.of());
    }

    private FromItem table(Table t, Scope outer, String alias) {
        List<String> parts = t.name().parts();
        String name = parts.get(parts.size() - 1);
        String itemName = alias != null ? alias : name;
        if (parts.size() == 1) {
            QueryAnalyzer.CteInfo cte = queries.findCte(name);
            if (cte != null) {
                kinds.put(itemName, RowLocking.ItemKind.CTE);
                PlanNode plan = cte.recursiveWorkTable() ? new PlanNode.WorkTableScan(cte.id(), cte.columns())
                        : new PlanNode.CteScan(cte.id(), cte.columns());
                return single(plan, name, null, 0);
            }
        }
        context.checkSchemaUsage(t.name(), t.position());
        Relation relation = context.findRelation(t.name());
        if (relation != null) {
            int mask = io.shale.catalog.Privilege.SELECT.bit();
            if (!RowLocking.reaching(locking, itemName).isEmpty()) {
                mask |= io.shale.catalog.Privilege.UPDATE.bit();
            }
            context.requireRelation(relation, t.name(), mask, t.position());
            String schema = context.objects.namespace(relation.namespaceOid()).name();
            kinds.put(itemName, relation instanceof View ? RowLocking.ItemKind.VIEW : RowLocking.ItemKind.TABLE);
            return switch (relation) {
                case io.shale.catalog.Table table -> tableScan(table, schema);
                case View view -> view(view, schema, itemName);
                default -> throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a table")
                        .withPosition(t.position());
            };
        }
        SystemRelations.Info system = context.findSystemRelation(t.name());
        if (system != null) {
            kinds.put(itemName, RowLocking.ItemKind.SYSTEM);
            PlanNode plan = new PlanNode.SystemScan(system.schema(), system.name(), system.oid(), system.columns());
            return single(plan, name, system.schema(), system.oid());
        }
        throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", parts) + "\" does not exist")
                .withPosition(t.position());
    }

    FromItem tableScan(io.shale.catalog.Table table, String schema) {
        List<OutputColumn> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        List<Boolean> hidden = new ArrayList<>();
        List<Short> attnums = new ArrayList<>();
        for (Column c : table.columns()) {
            columns.add(new OutputColumn(c.name(), c.type(), table.oid(), c.attnum()));
            names.add(c.name());
            types.add(c.type());
            hidden.add(c.dropped());
            attnums.add(c.attnum());
        }
        columns.add(new OutputColumn("ctid", SqlType.INT8, 0, (short) 0));
        names.add("ctid");
        types.add(SqlType.INT8);
        hidden.add(true);
        attnums.add((short) 0);
        PlanNode plan = new PlanNode.TableScan(table, columns);
        return new FromItem(plan, List.of(new ScopeEntry(table.name(), schema, names, types, 0, hidden, table.oid(),
                attnums)), List.of());
    }

    private FromItem view(View view, String schema, String alias) {
        Query query = RowLocking.pushInto((Query) new SqlParser().parseStatement(view.querySql()), locking, alias);
        AnalyzerContext.ViewLevel outer = context.enterView(view);
        QueryAnalyzer.AnalyzedQuery analyzed;
        try {
            analyzed = queries.analyze(query, null);
        } finally {
            context.leaveView(outer);
        }
        FromItem item = single(analyzed.plan(), view.name(), schema, 0);
        ScopeEntry e = item.entries().getFirst();
        List<Short> attnums = new ArrayList<>();
        for (int i = 0; i < e.width(); i++) {
            attnums.add((short) (i + 1));
        }
        // A view's columns are its own attributes (RowDescription names the view, as PostgreSQL does).
        return new FromItem(item.plan(), List.of(new ScopeEntry(e.alias(), e.schema(), e.names(), e.types(), e.offset(),
                e.hidden(), view.oid(), attnums)), item.merged());
    }

    private FromItem subquery(Query query, Scope outer, String alias) {
        kinds.put(alias, RowLocking.ItemKind.SUBQUERY);
        QueryAnalyzer.AnalyzedQuery analyzed = queries.analyze(RowLocking.pushInto(query, locking, alias), outer);
        return single(analyzed.plan(), alias, null, 0);
    }

    private FromItem function(FunctionRelation f, Scope lateral, String alias, List<String> columnAliases) {
        String name = FunctionCallAnalyzer.functionName(f.function());
        FunctionCall call = NamedArguments.uses(f.function()) ? NamedArguments.positional(name, f.function())
                : f.function();
        kinds.put(alias == null ? name : alias, RowLocking.ItemKind.FUNCTION);
        ExpressionAnalyzer.Clause clause = new ExpressionAnalyzer.Clause("functions in FROM", null);
        Scope scope = lateral == null ? Scope.empty(null) : Scope.empty(lateral);
        List<Expr> args = queries.expressions.analyzeAll(call.arguments(), scope, clause);
        FunctionCallAnalyzer calls = new FunctionCallAnalyzer(queries.expressions);
        ResolvedFunction function = calls.resolve(name, args, call.position());
        args = calls.coerceArguments(args, function, call.position());
        List<OutputColumn> columns = new ArrayList<>();
        PlanNode plan;
        if (function.kind() == ResolvedFunction.Kind.SET_RETURNING) {
            List<OutputColumn> set = function.setColumns();
            if (set.size() == 1) {
                columns.add(OutputColumn.of(alias != null && columnAliases.isEmpty() ? alias : name, set.get(0).type()));
            } else {
                columns.addAll(set);
            }
            if (f.withOrdinality()) {
                columns.add(OutputColumn.of("ordinality", SqlType.INT8));
            }
            plan = new PlanNode.FunctionScan(name, function.setReturning(), args, function.strict(), f.withOrdinality(),
                    columns);
        } else if (function.kind() == ResolvedFunction.Kind.SCALAR) {
            columns.add(OutputColumn.of(alias != null && columnAliases.isEmpty() ? alias : name, function.returnType()));
            Expr value = new Expr.Call(function.name(), function.scalar(), args, function.returnType(), function.strict(),
                    function.volatileFunction());
            plan = new PlanNode.Values(List.of(List.of(value)), columns);
        } else {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "aggregate functions are not allowed in functions in FROM")
                    .withPosition(call.position());
        }
        return single(plan, alias == null ? name : alias, null, 0);
    }

    private static FromItem single(PlanNode plan, String alias, String schema, int tableOid) {
        List<String> names = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        List<Short> attnums = new ArrayList<>();
        for (OutputColumn c : plan.columns()) {
            names.add(c.name());
            types.add(c.type());
            attnums.add(tableOid == 0 ? 0 : c.attnum());
        }
        List<Boolean> hidden = new ArrayList<>(Collections.nCopies(names.size(), false));
        return new FromItem(plan, List.of(new ScopeEntry(alias, schema, names, types, 0, hidden, tableOid, attnums)),
                List.of());
    }

    /** Whether a plan reads the row of the FROM items to its left (a LATERAL reference). */
    private static final class PlanInspectorAccess {
        private PlanInspectorAccess() {
        }

        static boolean refersToDepth1(PlanNode plan) {
            return io.shale.engine.exec.PlanQueries.hasOuterReferences(plan);
        }
    }
}
