package io.shale.engine.jobs;

import io.shale.common.types.Jsonb;
import io.shale.engine.citus.MoveProgress;
import io.shale.engine.system.SizeFunctions;
import io.shale.storage.wal.Lsn;

import java.util.List;

/**
 * The keys a running task of citus_job_status shows for the shard move its session runs (citus.md §7.7): phase,
 * size {source, target}, hosts {source, target} ("name:port") and LSN {source, target, lag}. The move's shards are
 * the {@link MoveProgress} entries of the task's session (by process id), else those of the shard its command names.
 */
final class TaskMoveDetails {
    private static final String MOVE_PREFIX = "SELECT pg_catalog.citus_move_shard_placement(";

    private TaskMoveDetails() {
    }

    /** Appends {@code , "phase": …, "size": …, "hosts": …, "LSN": …} when a move of the task is registered. */
    static void append(StringBuilder json, BackgroundTask task, List<MoveProgress.Status> moves, boolean raw) {
        List<MoveProgress.Status> own = ownMoves(task, moves);
        if (own.isEmpty()) {
            return;
        }
        MoveProgress.Status first = own.getFirst();
        long sourceSize = 0;
        long targetSize = 0;
        for (MoveProgress.Status s : own) {
            sourceSize += s.sourceShardSize();
            targetSize += s.targetShardSize();
        }
        long lag = Math.max(0, first.sourceLsn() - first.targetLsn());
        json.append(", \"phase\": ").append(Jsonb.quote(first.phase().label()))
                .append(", \"size\": {\"source\": ").append(size(sourceSize, raw))
                .append(", \"target\": ").append(size(targetSize, raw))
                .append("}, \"hosts\": {\"source\": ").append(Jsonb.quote(first.sourceName() + ":" + first.sourcePort()))
                .append(", \"target\": ").append(Jsonb.quote(first.targetName() + ":" + first.targetPort()))
                .append("}, \"LSN\": {\"source\": ").append(Jsonb.quote(Lsn.format(first.sourceLsn())))
                .append(", \"target\": ").append(Jsonb.quote(Lsn.format(first.targetLsn())))
                .append(", \"lag\": ").append(size(lag, raw)).append('}');
    }

    private static List<MoveProgress.Status> ownMoves(BackgroundTask task, List<MoveProgress.Status> moves) {
        List<MoveProgress.Status> own = new java.util.ArrayList<>();
        if (task.pid() != null) {
            for (MoveProgress.Status s : moves) {
                if (s.sessionPid() == task.pid() && s.databaseOid() == task.databaseOid()) {
                    own.add(s);
                }
            }
        }
        long shard = shardOf(task.command());
        if (own.isEmpty() && shard > 0) {
            for (MoveProgress.Status s : moves) {
                if (s.shardId() == shard && s.databaseOid() == task.databaseOid()) {
                    own.add(s);
                }
            }
        }
        return own;
    }

    /** The shard id a rebalance task's move command names, or 0. */
    static long shardOf(String command) {
        if (command == null || !command.startsWith(MOVE_PREFIX)) {
            return 0;
        }
        int end = command.indexOf(',', MOVE_PREFIX.length());
        try {
            return end < 0 ? 0 : Long.parseLong(command.substring(MOVE_PREFIX.length(), end).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String size(long bytes, boolean raw) {
        return raw ? Long.toString(bytes) : Jsonb.quote(SizeFunctions.pretty(bytes));
    }
}
