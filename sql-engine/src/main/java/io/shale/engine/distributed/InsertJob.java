package io.shale.engine.distributed;

import io.shale.catalog.Column;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.common.types.SqlType;
import io.shale.engine.exec.ExecContext;
import io.shale.grammar.ast.Expression;
import io.shale.grammar.ast.Insert;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.SelectItem;
import io.shale.grammar.ast.Values;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Routes new rows (complete stored rows computed on the coordinator: defaults and sequences included) to the shards
 * their distribution values hash to: one multi-row INSERT per shard, sent to every placement of that shard, with the
 * statement's ON CONFLICT and RETURNING.
 */
final class InsertJob implements DistributedJob {
    private final ShardedTable target;
    private final String alias;
    private final Insert original;
    private final List<SqlType> parameterTypes;
    private final Literals literals;
    private final List<Column> columns = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final String relationLabel;

    InsertJob(ShardedTable target, Insert original, List<SqlType> parameterTypes, Literals literals,
              String relationLabel) {
        this.target = target;
        this.original = original;
        this.alias = original == null || original.alias() == null ? target.name() : original.alias();
        this.parameterTypes = List.copyOf(parameterTypes);
        this.literals = literals;
        this.relationLabel = relationLabel;
        for (Column c : target.shell().columns()) {
            if (!c.dropped() && c.generatedSql() == null) {
                columns.add(c);
                names.add(c.name());
            }
        }
    }

    @Override
    public DistributedJob forCopy() {
        return new InsertJob(target, original, parameterTypes, literals,
                io.shale.engine.system.Identifiers.qualified(target.schema(), target.name()));
    }

    @Override
    public List<Task> tasks(ExecContext context, List<Object[]> rows) {
        Column distribution = target.distributionColumn();
        TreeMap<Integer, List<List<Expression>>> byShard = new TreeMap<>();
        for (Object[] row : rows) {
            int index = 0;
            if (target.isHash()) {
                Object value = row[distribution.attnum() - 1];
                if (value == null) {
                    throw relationLabel == null ? PinValue.nullPartitionValue()
                            : new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "the partition column of table "
                            + relationLabel + " cannot be NULL");
                }
                index = target.shardIndexOf(value);
            }
            List<Expression> values = new ArrayList<>(columns.size());
            for (Column c : columns) {
                values.add(literals.literal(c.type(), row[c.attnum() - 1], context.formatSettings()));
            }
            byShard.computeIfAbsent(index, k -> new ArrayList<>()).add(values);
        }
        List<Task> tasks = new ArrayList<>();
        for (var e : byShard.entrySet()) {
            ShardedTable.ShardRoute shard = target.shard(e.getKey());
            Query source = new Query(null, new Values(e.getValue()), List.of(), null, null, List.of());
            Insert insert = new Insert(null, QualifiedName.of(target.schema(), shard.relationName()), alias, names,
                    source, original == null ? null : original.onConflict(),
                    original == null ? List.<SelectItem>of() : original.returning(), 0);
            String sql = TaskText.render(insert, parameterTypes, context.parameters(), literals, context.formatSettings());
            if (relationLabel == null && byShard.size() == 1 && TenantAnnotations.tracking(context)) {
                sql = TenantAnnotations.annotate(context, target, sameValue(rows), sql);
            }
            for (int group : shard.groups()) {
                tasks.add(new Task(group, shard.shardId(), sql, true));
            }
        }
        return tasks;
    }

    /** The distribution value all rows share (Citus's tenant of a single-shard INSERT), or null. */
    private Object sameValue(List<Object[]> rows) {
        if (!target.isHash() || rows.isEmpty()) {
            return null;
        }
        int at = target.distributionColumn().attnum() - 1;
        Object first = rows.getFirst()[at];
        for (Object[] row : rows) {
            if (!first.equals(row[at])) {
                return null;
            }
        }
        return first;
    }

    @Override
    public List<TaskResult> counted(List<Task> tasks, List<TaskResult> results) {
        return firstPlacements(tasks, results);
    }

    /** The results of the first task of each shard (tasks of one shard's placements are consecutive). */
    static List<TaskResult> firstPlacements(List<Task> tasks, List<TaskResult> results) {
        List<TaskResult> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            if (i == 0 || tasks.get(i).anchorShardId() != tasks.get(i - 1).anchorShardId()) {
                out.add(results.get(i));
            }
        }
        return out;
    }

    @Override
    public boolean modifies() {
        return true;
    }

    @Override
    public boolean router() {
        return false;
    }
}
