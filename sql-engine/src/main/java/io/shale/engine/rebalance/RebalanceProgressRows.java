package io.shale.engine.rebalance;

import io.shale.common.types.SqlType;
import io.shale.engine.citus.DistributionContext;
import io.shale.engine.citus.MoveProgress;
import io.shale.storage.wal.Lsn;

import java.util.ArrayList;
import java.util.List;

/**
 * get_rebalance_progress() (citus.md §1.6, §7.7): one row per shard of the moves this node runs now, in the session's
 * database, from {@link MoveProgress}: queued shards of a foreground rebalance ("Not Started Yet") and the shards of
 * running moves. source_lsn and target_lsn are shown as text in pg_lsn's X/Y form (Shale has no pg_lsn type).
 */
final class RebalanceProgressRows {
    static final List<String> COLUMNS = List.of("sessionid", "table_name", "shardid", "shard_size", "sourcename",
            "sourceport", "targetname", "targetport", "progress", "source_shard_size", "target_shard_size",
            "operation_type", "source_lsn", "target_lsn", "status");
    static final List<SqlType> TYPES = List.of(SqlType.INT4, SqlType.REGCLASS, SqlType.INT8, SqlType.INT8,
            SqlType.TEXT, SqlType.INT4, SqlType.TEXT, SqlType.INT4, SqlType.INT8, SqlType.INT8, SqlType.INT8,
            SqlType.TEXT, SqlType.TEXT, SqlType.TEXT, SqlType.TEXT);

    private RebalanceProgressRows() {
    }

    static List<Object[]> rows(DistributionContext context) {
        List<Object[]> rows = new ArrayList<>();
        for (MoveProgress.Status s : context.moveProgress().statuses()) {
            if (s.databaseOid() != context.databaseOid()) {
                continue;
            }
            rows.add(new Object[] {s.sessionPid(), (long) s.tableOid(), s.shardId(), s.shardSize(), s.sourceName(),
                    s.sourcePort(), s.targetName(), s.targetPort(), (long) s.progress(), s.sourceShardSize(),
                    s.targetShardSize(), s.operationType(), Lsn.format(s.sourceLsn()), Lsn.format(s.targetLsn()),
                    s.phase().label()});
        }
        return rows;
    }
}
