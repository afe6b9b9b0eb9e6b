package io.shale.engine.distributed;

import io.shale.common.types.SqlType;
import io.shale.engine.exec.ExecContext;
import io.shale.grammar.ast.QualifiedName;
import io.shale.grammar.ast.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A router (and fast-path) job: the whole statement goes to the one shard group its filter pins, chosen at every
 * execution from the bound parameters (deferred pruning). The statement of each shard group is made once and kept.
 * A modification of a replicated shard goes to every placement.
 */
final class RouterJob implements DistributedJob {
    private final Statement statement;
    private final Map<QualifiedName, ShardedTable> tables;
    private final ShardedTable anchor;
    private final PinValue pin;
    private final List<SqlType> parameterTypes;
    private final Literals literals;
    private final boolean modifies;
    private final int localGroup;
    private Intermediates intermediates;
    private final Map<Integer, Statement> byShard = new ConcurrentHashMap<>();
    private final Map<Integer, TaskTemplate> textByShard = new ConcurrentHashMap<>();

    RouterJob(Statement statement, Map<QualifiedName, ShardedTable> tables, ShardedTable anchor, PinValue pin,
              List<SqlType> parameterTypes, Literals literals, boolean modifies, int localGroup) {
        this.statement = statement;
        this.tables = Map.copyOf(tables);
        this.anchor = anchor;
        this.pin = pin;
        this.parameterTypes = List.copyOf(parameterTypes);
        this.literals = literals;
        this.modifies = modifies;
        this.localGroup = localGroup;
    }

    /** Ships the rows of recursively planned subqueries into the task text. */
    RouterJob withIntermediates(Intermediates value) {
        this.intermediates = value == null || value.isEmpty() ? null : value;
        return this;
    }

    /** The shard index of one execution. */
    int shardIndex(ExecContext context) {
        return shardIndexOf(pin == null ? null : pin.value(context));
    }

    private int shardIndexOf(Object value) {
        if (pin == null) {
            return 0;
        }
        if (value == null) {
            return -1;
        }
        return anchor.shardIndexOf(value);
    }

    @Override
    public List<Task> tasks(ExecContext context, List<Object[]> inputRows) {
        Object value = pin == null ? null : pin.value(context);
        int index = shardIndexOf(value);
        if (index < 0) {
            return List.of();
        }
        String sql;
        if (intermediates != null) {
            sql = TaskText.render(Intermediates.substitute(shardStatement(index), intermediates.run(context)),
                    parameterTypes, context.parameters(), literals, context.formatSettings());
        } else {
            sql = textByShard.computeIfAbsent(index, i -> TaskTemplate.of(shardStatement(i), parameterTypes, literals))
                    .render(context.parameters(), context.formatSettings());
        }
        sql = TenantAnnotations.annotate(context, anchor, value, sql);
        ShardedTable.ShardRoute shard = anchor.shard(index);
        if (!modifies) {
            return List.of(new Task(anchor.readGroup(index, localGroup), shard.shardId(), sql, false));
        }
        List<Task> tasks = new ArrayList<>(shard.groups().length);
        for (int g : shard.groups()) {
            tasks.add(new Task(g, shard.shardId(), sql, true));
        }
        return tasks;
    }

    private Statement shardStatement(int index) {
        return byShard.computeIfAbsent(index, i -> TaskText.renamed(statement, tables,
                t -> t.isHash() ? i : 0));
    }

    @Override
    public List<TaskResult> counted(List<Task> tasks, List<TaskResult> results) {
        return results.size() <= 1 ? results : List.of(results.getFirst());
    }

    @Override
    public boolean modifies() {
        return modifies;
    }

    @Override
    public boolean router() {
        return true;
    }
}
