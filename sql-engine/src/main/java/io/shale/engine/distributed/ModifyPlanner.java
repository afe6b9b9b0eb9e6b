package io.shale.engine.distributed;

import io.shale.catalog.Column;
import io.shale.engine.plan.Expr;
import io.shale.engine.plan.ModifyOperation;
import io.shale.engine.plan.OutputColumn;
import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.AliasedRelation;
import io.shale.grammar.ast.Assignment;
import io.shale.grammar.ast.Delete;
import io.shale.grammar.ast.Insert;
import io.shale.grammar.ast.MultiAssignment;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.QuerySpecification;
import io.shale.grammar.ast.SelectItem;
import io.shale.grammar.ast.SetClause;
import io.shale.grammar.ast.SingleColumn;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.Table;
import io.shale.grammar.ast.Update;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Plans INSERT, UPDATE and DELETE on Citus tables: rows of an INSERT routed per shard from the coordinator (or an
 * INSERT … SELECT pushed down shard by shard when source and target are colocated), UPDATE and DELETE routed to the
 * shard their WHERE pins or sent to every shard; writes to replicated shards go to every placement.
 */
final class ModifyPlanner {
    private final PlanningContext context;
    private final DistributedPlanner.Tables tables;
    private final Literals literals;

    ModifyPlanner(PlanningContext context, DistributedPlanner.Tables tables, Literals literals) {
        this.context = context;
        this.tables = tables;
        this.literals = literals;
    }

    PlanNode insert(Insert insert, PlanNode local) {
        ShardedTable target = tables.sharded().get(insert.table());
        if (target == null) {
            throw DistributedPlanner.unsupported("cannot insert into a local table from a distributed query");
        }
        if (!(local instanceof PlanNode.Modify modify && modify.operation() instanceof ModifyOperation.Insert op)) {
            throw new IllegalStateException("an INSERT plan is a Modify");
        }
        PlanNode source = op.source();
        Query select = insert.source();
        DistributedPlanner.Tables sourceTables = select == null ? null : DistributedPlanner.tables(select, context);
        if (sourceTables != null && sourceTables.any()) {
            if (pushable(insert, target)) {
                return new PlanNode.DistributedScan(new ShardTasksJob(
                        new MultiShardPlanner(context, tables, literals).templates(insert, target, true),
                        context.parameterTypes(), literals, true, false), null, local.columns());
            }
            PlanNode distributed = new SelectPlanner(context, sourceTables, literals).plan(select, source);
            if (distributed.columns().size() != source.columns().size()) {
                throw DistributedPlanner.unsupported("INSERT … SELECT with this source is not supported on a distributed table");
            }
            source = sameColumns(distributed.columns(), source.columns()) ? distributed
                    : castTo(distributed, source.columns());
        }
        List<Expr> values = new ArrayList<>();
        List<OutputColumn> columns = new ArrayList<>();
        List<Column> tableColumns = target.shell().columns();
        for (int i = 0; i < tableColumns.size(); i++) {
            Column c = tableColumns.get(i);
            Expr e = i < op.values().size() ? op.values().get(i) : null;
            values.add(e == null ? new Expr.Literal(null, c.type()) : e);
            columns.add(OutputColumn.of(c.name(), c.type()));
        }
        PlanNode rows = new PlanNode.Project(source, values, columns);
        InsertJob job = new InsertJob(target, insert, context.parameterTypes(), literals, null);
        return new PlanNode.DistributedScan(job, rows, local.columns());
    }

    /**
     * Whether INSERT … SELECT can run shard by shard: a plain SELECT over tables colocated with the target, joined on
     * the distribution column, whose value for the target's distribution column is that column.
     */
    private boolean pushable(Insert insert, ShardedTable target) {
        Query select = insert.source();
        if (!target.isHash() || select.with() != null || select.limit() != null || select.offset() != null
                || !(select.body() instanceof QuerySpecification spec) || spec.distinct() || !spec.windows().isEmpty()) {
            return false;
        }
        List<ShardedTable> all = new ArrayList<>(new LinkedHashSet<>(tables.sharded().values()));
        if (!DistributedPlanner.colocated(all)) {
            return false;
        }
        SelectPlanner selects = new SelectPlanner(context, tables, literals);
        FromScope scope = new FromScope(spec.from(), spec.where(), tables.relations()::get, selects::sharded);
        String distributionClass;
        try {
            distributionClass = MultiShardPlanner.anchor(scope, selects.countHashOccurrences(select), selects)
                    .distributionClass();
        } catch (io.shale.common.error.ShaleException e) {
            return false;
        }
        List<String> targetColumns = insert.columns();
        if (targetColumns.isEmpty()) {
            targetColumns = new ArrayList<>();
            for (Column c : target.shell().liveColumns()) {
                targetColumns.add(c.name());
            }
        }
        int position = targetColumns.indexOf(target.distributionColumn().name());
        List<SelectItem> items = spec.selectItems();
        if (position < 0 || position >= items.size()) {
            return false;
        }
        for (int i = 0; i <= position; i++) {
            if (!(items.get(i) instanceof SingleColumn)) {
                return false;
            }
        }
        SingleColumn item = (SingleColumn) items.get(position);
        if (!distributionClass.equals(scope.classOf(item.expression()))) {
            return false;
        }
        boolean grouped = !spec.groupBy().isEmpty();
        if (grouped) {
            boolean byDistribution = false;
            for (var g : spec.groupBy()) {
                byDistribution |= distributionClass.equals(scope.classOf(g));
            }
            if (!byDistribution) {
                return false;
            }
        }
        return true;
    }

    /** {@code rows} with each column cast to the type the local plan of the source gives it. */
    private static PlanNode castTo(PlanNode rows, List<OutputColumn> types) {
        List<Expr> casts = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            OutputColumn from = rows.columns().get(i);
            Expr column = new Expr.ColumnRef(i, from.type(), from.name());
            casts.add(from.type().equals(types.get(i).type()) ? column
                    : new Expr.Cast(column, types.get(i).type(), false));
        }
        return new PlanNode.Project(rows, casts, types);
    }

    private static boolean sameColumns(List<OutputColumn> a, List<OutputColumn> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).type().equals(b.get(i).type())) {
                return false;
            }
        }
        return true;
    }

    PlanNode update(Update update, PlanNode local) {
        ShardedTable target = tables.sharded().get(update.table());
        if (target != null && target.isHash()) {
            String column = target.distributionColumn().name();
            for (SetClause clause : update.assignments()) {
                List<String> assigned = switch (clause) {
                    case Assignment a -> List.of(a.column());
                    case MultiAssignment m -> m.columns();
                };
                if (assigned.contains(column)) {
                    throw DistributedPlanner.unsupported("modifying the partition value of rows is not allowed");
                }
            }
        }
        return modify(update, update.table(), update.alias(), update.from(), update.where(), local);
    }

    PlanNode delete(Delete delete, PlanNode local) {
        return modify(delete, delete.table(), delete.alias(), delete.using(), delete.where(), local);
    }

    private PlanNode modify(Statement statement, io.shale.grammar.ast.QualifiedName table, String alias,
                            List<io.shale.grammar.ast.Relation> from, io.shale.grammar.ast.Expression where,
                            PlanNode local) {
        ShardedTable target = tables.sharded().get(table);
        if (target == null) {
            throw DistributedPlanner.unsupported("cannot modify a local table using distributed tables");
        }
        List<ShardedTable> all = new ArrayList<>(new LinkedHashSet<>(tables.sharded().values()));
        if (!DistributedPlanner.colocated(all)) {
            throw DistributedPlanner.complexJoins();
        }
        SelectPlanner selects = new SelectPlanner(context, tables, literals);
        int localGroup = context.cluster().localGroupId();
        List<io.shale.grammar.ast.Relation> items = new ArrayList<>();
        items.add(new AliasedRelation(new Table(table, false, 0), alias != null ? alias : table.last(), List.of()));
        items.addAll(from);
        FromScope scope = new FromScope(items, where, tables.relations()::get, selects::sharded);
        int occurrences = selects.countHashOccurrences(statement) + (target.isHash() ? 1 : 0);
        boolean hash = false;
        for (ShardedTable t : all) {
            hash |= t.isHash();
        }
        RouterJob router = hash ? selects.pinned(statement, scope, occurrences, true, localGroup)
                : selects.router(statement, null, all, true);
        if (router != null) {
            return new PlanNode.DistributedScan(router, null, local.columns());
        }
        ShardedTable anchorTable = MultiShardPlanner.anchor(scope, occurrences, selects).table();
        List<ShardTasksJob.Template> templates = new MultiShardPlanner(context, tables, literals)
                .templates(statement, anchorTable, true);
        return new PlanNode.DistributedScan(new ShardTasksJob(templates, context.parameterTypes(), literals, true, false),
                null, local.columns());
    }
}
