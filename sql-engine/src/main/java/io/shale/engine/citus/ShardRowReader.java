package io.shale.engine.citus;

import io.shale.catalog.Column;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.distributed.Task;
import io.shale.engine.distributed.TaskResult;
import io.shale.engine.exec.Operator;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a distributed table's shards in the session's transaction: a shard placed on this node is
 * scanned directly, one placed elsewhere is read with a task ({@code SELECT <columns> FROM <shard>}) on a node that
 * holds it. Rows come back in the shell's stored layout (dropped columns null, a free slot for the row id).
 */
final class ShardRowReader {
    private final DistributionContext context;

    ShardRowReader(DistributionContext context) {
        this.context = context;
    }

    /** The rows of every shard of {@code shell}. */
    List<Object[]> readAll(DatabaseCatalog objects, Table shell) {
        List<Object[]> rows = new ArrayList<>();
        for (Shard shard : objects.shards(shell.oid())) {
            rows.addAll(read(objects, shard));
        }
        return rows;
    }

    /** The rows of one shard, read from the local placement if there is one, else from the first other one. */
    List<Object[]> read(DatabaseCatalog objects, Shard shard) {
        Table table = (Table) objects.relation(shard.shardRelationOid());
        int localGroup = context.localGroupId();
        List<ShardPlacement> placements = objects.placements(shard.shardId());
        if (objects.hasPlacement(shard.shardId(), localGroup)) {
            List<Object[]> rows = new ArrayList<>();
            try (Operator scan = context.tableAccess().scan(context.transaction(), table)) {
                for (Object[] row = scan.next(); row != null; row = scan.next()) {
                    rows.add(row);
                }
            }
            return rows;
        }
        if (placements.isEmpty()) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "could not find any shard placements for shardId "
                    + shard.shardId());
        }
        List<Column> columns = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (Column c : table.columns()) {
            if (!c.dropped()) {
                sql.append(columns.isEmpty() ? "" : ", ").append(io.shale.engine.system.Identifiers.quote(c.name()));
                columns.add(c);
            }
        }
        if (columns.isEmpty()) {
            sql.append("1");
        }
        sql.append(" FROM ").append(ShardDataCopier.qualifiedName(objects, table));
        Task task = new Task(sourceGroup(placements), shard.shardId(), sql.toString(), false);
        TaskResult result = context.taskRunner().run(List.of(task)).getFirst();
        List<Object[]> rows = new ArrayList<>(result.rows().size());
        for (Object[] values : result.rows()) {
            Object[] row = new Object[table.columns().size() + 1];
            for (int i = 0; i < columns.size(); i++) {
                row[columns.get(i).attnum() - 1] = values[i];
            }
            rows.add(row);
        }
        return rows;
    }

    /** The group of the first placement on an active node (the first placement when none is active). */
    private int sourceGroup(List<ShardPlacement> placements) {
        for (ShardPlacement p : placements) {
            var node = context.catalog().nodeOfGroup(p.groupId());
            if (node != null && node.isActive()) {
                return p.groupId();
            }
        }
        return placements.getFirst().groupId();
    }
}
