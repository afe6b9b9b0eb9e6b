package io.shale.engine.analyze;

import io.shale.catalog.Column;
import io.shale.catalog.Constraint;
import io.shale.catalog.Index;
import io.shale.catalog.Privilege;
import io.shale.catalog.Relation;
import io.shale.catalog.Table;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.ModifyOperation;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.Assignment;
import io.shale.grammar.ast.DefaultValue;
import io.shale.grammar.ast.Delete;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.IndexElement;
import io.shale.grammar.ast.Insert;
import io.shale.grammar.ast.MultiAssignment;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.RowConstructor;
import io.shale.grammar.ast.SelectItem;
import io.shale.grammar.ast.SetClause;
import io.shale.grammar.ast.Update;
import io.shale.grammar.ast.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** INSERT, UPDATE and DELETE into a modify plan. */
public final class DmlAnalyzer {
    private final QueryAnalyzer queries;
    private final ExpressionAnalyzer expressions;
    private final AnalyzerContext context;
    private final TableRulesBuilder rules;

    public DmlAnalyzer(QueryAnalyzer queries) {
        this.queries = queries;
        this.expressions = queries.expressions;
        this.context = queries.context;
        this.rules = new TableRulesBuilder(queries);
    }

    Table target(QualifiedName name, int position, String verb) {
        context.checkSchemaUsage(name, position);
        Relation r = context.findRelation(name);
        if (r == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"" + String.join(".", name.parts())
                    + "\" does not exist").withPosition(position);
        }
        if (!(r instanceof Table t)) {
            throw new ShaleException(ErrorCode.WRONG_OBJECT_TYPE, "cannot " + verb + " " + kindName(r) + " \""
                    + r.name() + "\"");
        }
        Privilege privilege = switch (verb) {
            case "insert into" -> Privilege.INSERT;
            case "update" -> Privilege.UPDATE;
            default -> Privilege.DELETE;
        };
        context.requireRelation(t, name, privilege.bit(), position);
        return t;
    }

    /** Records that the statement also reads the target's columns (WHERE, RETURNING, SET expressions, ON CONFLICT). */
    private void readsTarget(Table table, QualifiedName name, int extraMask, boolean reads) {
        if (reads || extraMask != 0) {
            context.requireRelation(table, name, (reads ? Privilege.SELECT.bit() : 0) | extraMask, 0);
        }
    }

    /** Whether an assigned value may read a column of the row (anything but constants, parameters and their casts). */
    private static boolean readsColumns(List<Expr> assignments) {
        for (Expr e : assignments) {
            if (e != null && !constant(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean constant(Expr e) {
        if (e instanceof Expr.Cast c) {
            return constant(c.input());
        }
        if (e instanceof Expr.Call c) {
            for (Expr a : c.arguments()) {
                if (!constant(a)) {
                    return false;
                }
            }
            return true;
        }
        return e instanceof Expr.Literal || e instanceof Expr.Param || e instanceof Expr.SessionValue;
    }

    private static String kindName(Relation r) {
        return switch (r) {
            case io.shale.catalog.View v -> "view";
            case io.shale.catalog.Sequence s -> "sequence";
            case Index i -> "index";
            case Table t -> "table";
        };
    }

    public PlanNode insert(Insert insert) {
        Table table = target(insert.table(), insert.position(), "insert into");
        List<Column> targets = targetColumns(table, insert.columns(), insert.position());
        if (insert.columns().isEmpty()) {
            int given = sourceWidth(insert.source());
            if (given >= 0 && given < targets.size()) {
                targets = targets.subList(0, given);
            }
        }
        int width = table.columns().size() + 1;
        PlanNode source = insertSource(insert.source(), table, targets, insert.columns().isEmpty(), insert.position());
        if (source.columns().size() < targets.size()) {
            targets = targets.subList(0, source.columns().size());
        }
        List<Expr> values = new ArrayList<>(Arrays.asList(new Expr[width - 1]));
        for (Column c : table.columns()) {
            int t = targets.indexOf(c);
            values.set(c.attnum() - 1, t >= 0 ? new Expr.ColumnRef(t, c.type(), c.name()) : defaultValue(c));
        }
        String alias = insert.alias() != null ? insert.alias() : table.name();
        Scope tableScope = tableScope(table, alias, null);
        ModifyOperation.OnConflict onConflict = insert.onConflict() == null ? null
                : onConflict(table, alias, insert.onConflict());
        List<Expr> returning = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        returning(insert.returning(), tableScope, returning, columns);
        readsTarget(table, insert.table(), insert.onConflict() != null && insert.onConflict().doUpdate()
                ? Privilege.UPDATE.bit() : 0, !returning.isEmpty() || onConflict != null && onConflict.arbiter() != null);
        return new PlanNode.Modify(new ModifyOperation.Insert(table, source, values, onConflict, returning,
                rules.forInsert(table, tableScope)), columns);
    }

    /** How many columns an INSERT source gives: the first VALUES row's length, else -1 (decided later). */
    private static int sourceWidth(Query source) {
        if (source != null && source.body() instanceof Values values && !values.rows().isEmpty()) {
            return values.rows().get(0).size();
        }
        return -1;
    }

    private List<Column> targetColumns(Table table, List<String> names, int position) {
        if (names.isEmpty()) {
            return table.liveColumns();
        }
        List<Column> targets = new ArrayList<>();
        for (String name : names) {
            Column c = table.column(name);
            if (c == null) {
                throw new ShaleException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \""
                        + table.name() + "\" does not exist").withPosition(position);
            }
            if (targets.contains(c)) {
                throw new ShaleException(ErrorCode.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once")
                        .withPosition(position);
            }
            targets.add(c);
        }
        return targets;
    }

    private PlanNode insertSource(Query source, Table table, List<Column> targets, boolean implicitTargets, int position) {
        List<OutputColumn> columns = new ArrayList<>();
        for (Column c : targets) {
            columns.add(OutputColumn.of(c.name(), c.type()));
        }
        if (source == null) {
            List<Expr> row = new ArrayList<>();
            for (Column c : targets) {
                row.add(defaultValue(c));
            }
            return new PlanNode.Values(List.of(row), columns);
        }
        if (source.body() instanceof Values values && source.with() == null && source.orderBy().isEmpty()
                && source.limit() == null && source.offset() == null) {
            List<List<Expr>> rows = new ArrayList<>();
            Scope scope = Scope.empty(null);
            ExpressionAnalyzer.Clause clause = new ExpressionAnalyzer.Clause("VALUES", null);
            for (List<Expression> row : values.rows()) {
                if (row.size() > targets.size()) {
                    throw new ShaleException(ErrorCode.SYNTAX_ERROR, "INSERT has more expressions than target columns")
                            .withPosition(row.get(targets.size()).position());
                }
                if (row.size() < targets.size()) {
                    throw new ShaleException(ErrorCode.SYNTAX_ERROR, "INSERT has more target columns than expressions")
                            .withPosition(position);
                }
                List<Expr> exprs = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    Column c = targets.get(i);
                    Expression e = row.get(i);
                    if (e instanceof DefaultValue) {
                        exprs.add(defaultValue(c));
                    } else {
                        checkIdentity(c, e.position());
                        exprs.add(expressions.coercion.assign(expressions.analyze(e, scope, clause), c.type(), c.name(),
                                e.position()));
                    }
                }
                rows.add(exprs);
            }
            return new PlanNode.Values(rows, columns);
        }
        PlanNode plan = queries.analyze(source, null).plan();
        if (implicitTargets && plan.columns().size() < targets.size()) {
            targets = targets.subList(0, plan.columns().size());
            columns = columns.subList(0, targets.size());
        }
        if (plan.columns().size() > targets.size()) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, "INSERT has more expressions than target columns")
                    .withPosition(position);
        }
        List<Expr> exprs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Column c = targets.get(i);
            if (i >= plan.columns().size()) {
                exprs.add(defaultValue(c));
                continue;
            }
            checkIdentity(c, position);
            exprs.add(expressions.coercion.assign(new Expr.ColumnRef(i, plan.columns().get(i).type(), null), c.type(),
                    c.name(), position));
        }
        return new PlanNode.Project(plan, exprs, columns);
    }

    private static void checkIdentity(Column c, int position) {
        if (c.identity() == 'a') {
            throw new ShaleException(ErrorCode.GENERATED_ALWAYS, "cannot insert a non-DEFAULT value into column \""
                    + c.name() + "\"").withDetail("Column \"" + c.name() + "\" is an identity column defined as GENERATED ALWAYS.")
                    .withHint("Use OVERRIDING SYSTEM VALUE to override.").withPosition(position);
        }
    }

    /** The value a column gets when none is given: its DEFAULT, its identity sequence, or null. */
    Expr defaultValue(Column c) {
        if (c.dropped() || c.defaultSql() == null) {
            return new Expr.Literal(null, c.type());
        }
        Expression parsed = new io.shale.grammar.SqlParser().parseExpression(c.defaultSql());
        Expr e = expressions.analyze(parsed, Scope.empty(null), new ExpressionAnalyzer.Clause("DEFAULT expressions", null));
        return expressions.coercion.assign(e, c.type(), c.name(), 0);
    }

    /** A scope with the table's stored row at offset 0 under {@code alias}, and optionally "excluded" after it. */
    Scope tableScope(Table table, String alias, Scope parent) {
        FromAnalyzer.FromItem item = queries.from.tableScan(table, context.objects.namespace(table.namespaceOid()).name());
        ScopeEntry e = item.entries().get(0);
        return new Scope(parent, List.of(new ScopeEntry(alias, e.schema(), e.names(), e.types(), 0, e.hidden(),
                e.tableOid(), e.attnums())), List.of());
    }

    private ModifyOperation.OnConflict onConflict(Table table, String alias, io.shale.grammar.ast.OnConflict spec) {
        Index arbiter = arbiter(table, spec);
        if (!spec.doUpdate()) {
            return new ModifyOperation.OnConflict(arbiter, null, null);
        }
        if (arbiter == null) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR,
                    "ON CONFLICT DO UPDATE requires inference specification or constraint name")
                    .withHint("For example, ON CONFLICT (column_name).");
        }
        int width = table.columns().size() + 1;
        Scope base = tableScope(table, alias, null);
        ScopeEntry target = base.entries.get(0);
        ScopeEntry excluded = new ScopeEntry("excluded", null, target.names(), target.types(), width, target.hidden(),
                target.tableOid(), target.attnums());
        Scope scope = new Scope(null, List.of(target, excluded), List.of());
        List<Expr> assignments = assignments(table, spec.assignments(), scope);
        Expr where = spec.updateWhere() == null ? null : expressions.coercion.condition(expressions.analyze(
                spec.updateWhere(), scope, new ExpressionAnalyzer.Clause("WHERE", null)), "WHERE", 0);
        return new ModifyOperation.OnConflict(arbiter, assignments, where);
    }

    private Index arbiter(Table table, io.shale.grammar.ast.OnConflict spec) {
        if (spec.constraint() != null) {
            for (Constraint c : context.objects.constraintsOf(table.oid())) {
                if (c.name().equals(spec.constraint()) && c.indexOid() != 0) {
                    return (Index) context.objects.relation(c.indexOid());
                }
            }
            throw new ShaleException(ErrorCode.UNDEFINED_OBJECT, "constraint \"" + spec.constraint()
                    + "\" for table \"" + table.name() + "\" does not exist");
        }
        if (spec.targetColumns().isEmpty()) {
            return null;
        }
        List<Short> wanted = new ArrayList<>();
        for (IndexElement e : spec.targetColumns()) {
            Column c = e.column() == null ? null : table.column(e.column());
            if (c == null) {
                throw new ShaleException(ErrorCode.INVALID_COLUMN_REFERENCE,
                        "there is no unique or exclusion constraint matching the ON CONFLICT specification");
            }
            wanted.add(c.attnum());
        }
        for (Index index : context.objects.indexesOf(table.oid())) {
            if (!index.unique() || index.keyCount() != wanted.size() || index.predicateSql() != null) {
                continue;
            }
            List<Short> have = new ArrayList<>();
            for (int i = 0; i < index.keyCount(); i++) {
                have.add(index.keys().get(i).attnum());
            }
            if (have.containsAll(wanted)) {
                return index;
            }
        }
        throw new ShaleException(ErrorCode.INVALID_COLUMN_REFERENCE,
                "there is no unique or exclusion constraint matching the ON CONFLICT specification");
    }

    /** SET assignments: one entry per stored column, null where the column keeps its value. */
    private List<Expr> assignments(Table table, List<SetClause> clauses, Scope scope) {
        List<Expr> result = new ArrayList<>(Arrays.asList(new Expr[table.columns().size()]));
        ExpressionAnalyzer.Clause clause = new ExpressionAnalyzer.Clause("UPDATE", null);
        for (SetClause s : clauses) {
            switch (s) {
                case Assignment a -> assign(table, a.column(), a.value(), scope, clause, result);
                case MultiAssignment m -> {
                    if (!(m.value() instanceof RowConstructor row) || row.fields().size() != m.columns().size()) {
                        throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "multiple-column UPDATE from a subquery is not supported");
                    }
                    for (int i = 0; i < m.columns().size(); i++) {
                        assign(table, m.columns().get(i), row.fields().get(i), scope, clause, result);
                    }
                }
            }
        }
        return result;
    }

    private void assign(Table table, String columnName, Expression value, Scope scope, ExpressionAnalyzer.Clause clause,
                        List<Expr> result) {
        String name = columnName.contains(".") ? columnName.substring(columnName.lastIndexOf('.') + 1) : columnName;
        Column c = table.column(name);
        if (c == null) {
            throw new ShaleException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \"" + table.name()
                    + "\" does not exist").withPosition(value.position());
        }
        if (result.get(c.attnum() - 1) != null) {
            throw new ShaleException(ErrorCode.SYNTAX_ERROR, "multiple assignments to same column \"" + name + "\"");
        }
        Expr e = value instanceof DefaultValue ? defaultValue(c)
                : expressions.coercion.assign(expressions.analyze(value, scope, clause), c.type(), c.name(), value.position());
        if (c.identity() == 'a' && !(value instanceof DefaultValue)) {
            throw new ShaleException(ErrorCode.GENERATED_ALWAYS, "column \"" + name + "\" can only be updated to DEFAULT")
                    .withDetail("Column \"" + name + "\" is an identity column defined as GENERATED ALWAYS.");
        }
        result.set(c.attnum() - 1, e);
    }

    public PlanNode update(Update update) {
        Table table = target(update.table(), update.position(), "update");
        String alias = update.alias() != null ? update.alias() : table.name();
        Source source = source(table, alias, update.from(), update.where());
        List<Expr> assignments = assignments(table, update.assignments(), source.scope());
        List<Expr> returning = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        returning(update.returning(), source.scope(), returning, columns);
        readsTarget(table, update.table(), 0, update.where() != null || !returning.isEmpty() || readsColumns(assignments));
        return new PlanNode.Modify(new ModifyOperation.Update(table, source.plan(), 0, assignments, source.where(),
                returning, rules.forUpdate(table, tableScope(table, alias, null))), columns);
    }

    public PlanNode delete(Delete delete) {
        Table table = target(delete.table(), delete.position(), "delete from");
        String alias = delete.alias() != null ? delete.alias() : table.name();
        Source source = source(table, alias, delete.using(), delete.where());
        List<Expr> returning = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        returning(delete.returning(), source.scope(), returning, columns);
        readsTarget(table, delete.table(), 0, delete.where() != null || !returning.isEmpty());
        return new PlanNode.Modify(new ModifyOperation.Delete(table, source.plan(), 0, source.where(), returning,
                rules.forDelete(table)), columns);
    }

    private record Source(PlanNode plan, Scope scope, Expr where) {
    }

    /** The rows to change: the target table (at offset 0) joined with FROM/USING items, filtered. */
    private Source source(Table table, String alias, List<io.shale.grammar.ast.Relation> from, Expression whereAst) {
        FromAnalyzer.FromItem target = queries.from.tableScan(table, context.objects.namespace(table.namespaceOid()).name());
        ScopeEntry t = target.entries().get(0);
        List<ScopeEntry> entries = new ArrayList<>();
        entries.add(new ScopeEntry(alias, t.schema(), t.names(), t.types(), 0, t.hidden(), t.tableOid(), t.attnums()));
        PlanNode plan = target.plan();
        if (!from.isEmpty()) {
            FromAnalyzer.FromItem rest = queries.from.analyze(from, null);
            int width = plan.columns().size();
            for (ScopeEntry e : rest.entries()) {
                entries.add(e.shifted(width));
            }
            List<OutputColumn> columns = new ArrayList<>(plan.columns());
            columns.addAll(rest.plan().columns());
            plan = new PlanNode.Join(plan, rest.plan(), PlanNode.JoinType.INNER, null, false, columns);
        }
        Scope scope = new Scope(null, entries, List.of());
        Expr where = null;
        if (whereAst != null) {
            where = expressions.coercion.condition(expressions.analyze(whereAst, scope,
                    new ExpressionAnalyzer.Clause("WHERE", null)), "WHERE", whereAst.position());
            plan = new PlanNode.Filter(plan, where);
        }
        return new Source(plan, scope, where);
    }

    private void returning(List<SelectItem> items, Scope scope, List<Expr> exprs, List<OutputColumn> columns) {
        ExpressionAnalyzer.Clause clause = new ExpressionAnalyzer.Clause("RETURNING", null);
        for (SelectItem item : items) {
            switch (item) {
                case io.shale.grammar.ast.AllColumns all -> {
                    List<Scope.StarColumn> star = all.qualifier() == null ? scope.star()
                            : Scope.entryColumns(scope.entry(all.qualifier().parts(), all.position()), List.of());
                    for (Scope.StarColumn c : star) {
                        exprs.add(c.expr());
                        columns.add(new OutputColumn(c.name(), c.expr().type(), c.tableOid(), c.attnum()));
                    }
                }
                case io.shale.grammar.ast.SingleColumn single -> {
                    Expr e = expressions.analyze(single.expression(), scope, clause);
                    if (TypeCoercion.isUnknown(e.type())) {
                        e = expressions.coercion.coerce(e, SqlType.TEXT, TypeCoercion.Mode.IMPLICIT, 0);
                    }
                    exprs.add(e);
                    columns.add(OutputColumn.of(single.alias() != null ? single.alias()
                            : ColumnNames.derive(single.expression()), e.type()));
                }
            }
        }
    }
}
