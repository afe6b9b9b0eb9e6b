package io.shale.engine.citus;

import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.CleanupRecord;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.Shard;

import java.util.ArrayList;
import java.util.List;

/**
 * The data side of a shard group move (both modes): reserves new storage ids on the target (pg_dist_cleanup records of
 * policy 1, dropped if the move fails), copies each shard relation's keys as of a snapshot pinned on the source
 * (streamed in batches from source to target, {@link ShardTransferService}), then, for an online move, replays the
 * changes committed since until the lag is small, blocks writes and replays the rest. The catalog switch is the
 * caller's ({@link ShardMover}); {@link #finish} or {@link #fail} end the move.
 */
final class OnlineShardMove {
    /** pg_dist_cleanup.policy_type of what a move reserved on its target: dropped when the move fails. */
    static final int CLEANUP_ON_FAILURE = 1;
    private static final long COPY_BUDGET = 8L << 20;
    /** Catch-up rounds end once a round replays at most this many changes (or after {@link #MAX_ROUNDS}). */
    private static final long SMALL_LAG = 500;
    private static final int MAX_ROUNDS = 50;

    /** One shard of the group: its storage ids on the source (table, then indexes) and those reserved on the target. */
    record Moving(Shard shard, long[] oldIds, long[] newIds, MoveProgress.Entry progress) {
    }

    private final DistributionContext context;
    private final ShardTransfer transfer;
    private final int database;
    private final ClusterNode source;
    private final ClusterNode target;
    private final CopyThrottle throttle;
    private final List<Moving> shards = new ArrayList<>();
    private long operationId = -1;
    private long snapshot = -1;
    private long lastApplied;
    /** The source's log position that the target has caught up with. */
    private long sourceLsn;
    private long blockedAt;
    /** The steps of the write-blocked window so far, and when the last one ended. */
    private final List<MoveProgress.CutoverStep> steps = new ArrayList<>();
    private long stepStarted;

    OnlineShardMove(DistributionContext context, int database, ClusterNode source, ClusterNode target) {
        this.context = context;
        this.transfer = new ShardTransfer(context);
        this.database = database;
        this.source = source;
        this.target = target;
        this.throttle = new CopyThrottle(context, context.integerSetting(CopyThrottle.SETTING));
    }

    /** The shards of the move with their reserved storage ids (after {@link #setUp}). */
    List<Moving> shards() {
        return shards;
    }

    /** The shard.transfer requests of the move. */
    ShardTransfer transfer() {
        return transfer;
    }

    /** The operation id of the reservation records. */
    long operationId() {
        return operationId;
    }

    /** Setting Up: each shard registered in MoveProgress, new storage ids reserved on the target and published. */
    void setUp(List<Shard> group) {
        DatabaseCatalog objects = context.catalog().objects(database);
        List<long[]> olds = new ArrayList<>();
        for (Shard s : group) {
            Table table = (Table) objects.relation(s.shardRelationOid());
            List<Index> indexes = objects.indexesOf(table.oid());
            long[] old = new long[indexes.size() + 1];
            old[0] = table.storageId();
            for (int i = 0; i < indexes.size(); i++) {
                old[i + 1] = indexes.get(i).storageId();
            }
            olds.add(old);
        }
        List<MoveProgress.Entry> entries = new ArrayList<>();
        for (Shard s : group) {
            long size = sourceSize(objects, s);
            entries.add(context.moveProgress().register(new MoveProgress.Status(context.processId(), database,
                    s.relationOid(), s.shardId(), size, source.nodeName(), source.nodePort(), target.nodeName(),
                    target.nodePort(), size, 0, "move", 0, 0, MoveProgress.Phase.SETTING_UP)));
        }
        List<long[]> news = new ArrayList<>();
        try {
            reserve(group, objects, olds, news);
        } catch (RuntimeException e) {
            for (MoveProgress.Entry entry : entries) {
                entry.close();
            }
            throw e;
        }
        for (int i = 0; i < group.size(); i++) {
            shards.add(new Moving(group.get(i), olds.get(i), news.get(i), entries.get(i)));
        }
    }

    /** New storage ids for each relation of the group, kept by policy-1 records on the target, published now. */
    private void reserve(List<Shard> group, DatabaseCatalog objects, List<long[]> olds, List<long[]> news) {
        context.commitCatalogNow(editor -> {
            news.clear();
            operationId = editor.allocateOperationId(database);
            for (int i = 0; i < group.size(); i++) {
                long[] ids = new long[olds.get(i).length];
                for (int j = 0; j < ids.length; j++) {
                    ids[j] = editor.newStorageId();
                }
                news.add(ids);
                List<Long> reserved = new ArrayList<>();
                for (long id : ids) {
                    reserved.add(id);
                }
                Table table = (Table) objects.relation(group.get(i).shardRelationOid());
                editor.putCleanupRecord(database, new CleanupRecord(editor.allocateCleanupRecordId(database),
                        operationId, 1, ShardDataCopier.qualifiedName(objects, table), target.groupId(),
                        CLEANUP_ON_FAILURE, reserved));
            }
        });
    }

    /** Copying Data: a snapshot pinned on the source, every relation of the group streamed to the target. */
    void copy() {
        long[] opened = transfer.open(source.groupId());
        snapshot = opened[0];
        long position = opened[1];
        sourceLsn = opened[2];
        for (Moving m : shards) {
            m.progress().phase(MoveProgress.Phase.COPYING_DATA);
            m.progress().positions(sourceLsn, 0);
        }
        for (Moving m : shards) {
            long shardBytes = 0;
            for (int i = 0; i < m.oldIds().length; i++) {
                byte[] from = new byte[0];
                while (true) {
                    context.checkInterrupted();
                    ShardTransfer.Copied c = transfer.copy(source.groupId(), snapshot, target.groupId(),
                            m.oldIds()[i], m.newIds()[i], from, throttle.budget(COPY_BUDGET));
                    shardBytes += c.bytes();
                    m.progress().sizes(m.progress().status().sourceShardSize(), shardBytes);
                    throttle.account(c.bytes());
                    if (c.done()) {
                        break;
                    }
                    from = c.next();
                }
            }
        }
        for (Moving m : shards) {
            m.progress().positions(sourceLsn, sourceLsn);
        }
        lastApplied = position;
    }

    /** Catching Up: rounds replaying the changes committed on the source since the last round, until they are few. */
    void catchUp() {
        for (Moving m : shards) {
            m.progress().phase(MoveProgress.Phase.CATCHING_UP);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (replay(true) <= SMALL_LAG) {
                return;
            }
        }
    }

    /**
     * Final Catchup (writes blocked by the caller): the changes committed up to the source's stable point now, when
     * {@code replay} (a blocking move copied with writes blocked already). The snapshot stays open until the move
     * ends ({@link #finish}, {@link #fail}): closing it is no reason to hold writes.
     */
    void finalCatchUp(boolean replay) {
        if (replay) {
            for (Moving m : shards) {
                m.progress().phase(MoveProgress.Phase.FINAL_CATCHUP);
            }
            replay(false);
            stepDone("final changes");
        }
        for (Moving m : shards) {
            m.progress().phase(MoveProgress.Phase.COMPLETING);
        }
    }

    /**
     * Replays the changes in (last applied, the source's stable timestamp now] of every relation of the group, in one
     * request; their number.
     */
    private long replay(boolean throttled) {
        int relations = 0;
        for (Moving m : shards) {
            relations += m.oldIds().length;
        }
        long[] oldIds = new long[relations];
        long[] newIds = new long[relations];
        int n = 0;
        for (Moving m : shards) {
            System.arraycopy(m.oldIds(), 0, oldIds, n, m.oldIds().length);
            System.arraycopy(m.newIds(), 0, newIds, n, m.newIds().length);
            n += m.oldIds().length;
        }
        context.checkInterrupted();
        ShardTransfer.Replayed r = transfer.groupChanges(source.groupId(), snapshot, target.groupId(), oldIds, newIds,
                lastApplied);
        if (throttled) {
            throttle.account(r.bytes());
        }
        for (Moving m : shards) {
            m.progress().positions(r.logPosition(), r.logPosition());
        }
        sourceLsn = r.logPosition();
        lastApplied = r.until();
        return r.changes();
    }

    /** The write block is about to be published. */
    void blockingWrites() {
        blockedAt = System.nanoTime();
        stepStarted = blockedAt;
        steps.clear();
    }

    /** A step of the write-blocked window ended now (after {@link #blockingWrites}; nothing before). */
    void stepDone(String name) {
        if (blockedAt == 0) {
            return;
        }
        long now = System.nanoTime();
        steps.add(new MoveProgress.CutoverStep(name, now - stepStarted));
        stepStarted = now;
    }

    /**
     * The move committed: how long it held writes is recorded, the snapshot on the source closed (as far as the
     * source answers), its progress entries go.
     */
    void finish() {
        if (blockedAt != 0) {
            stepDone("commit");
            context.moveProgress().writesBlocked(System.nanoTime() - blockedAt, steps);
        }
        closeSnapshot();
        for (Moving m : shards) {
            m.progress().phase(MoveProgress.Phase.COMPLETED);
            m.progress().close();
        }
    }

    /** Closes the snapshot on the source if open; a source gone or restarted took it with it (or it expires idle). */
    private void closeSnapshot() {
        if (snapshot < 0) {
            return;
        }
        try {
            transfer.close(source.groupId(), snapshot);
        } catch (RuntimeException e) {
            // the source is gone or restarted: its snapshot went with it, or expires when idle
        }
        snapshot = -1;
    }

    /**
     * The move failed: the snapshot on the source is closed, the reservation records removed and the copied ranges
     * dropped on the target, each as far as the nodes answer (the cleanup daemon drops what is left).
     */
    void fail() {
        for (Moving m : shards) {
            m.progress().close();
        }
        closeSnapshot();
        if (operationId < 0) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        for (Moving m : shards) {
            for (long id : m.newIds()) {
                ids.add(id);
            }
        }
        try {
            context.commitCatalogNow(editor -> {
                for (CleanupRecord r : editor.objects(database).cleanupRecords()) {
                    if (r.operationId() == operationId && r.policyType() == CLEANUP_ON_FAILURE) {
                        editor.removeCleanupRecord(database, r.recordId());
                    }
                }
            });
            transfer.drop(target.groupId(), ids);
        } catch (RuntimeException e) {
            // a node is down: the records stay for citus_cleanup_orphaned_resources() and the cleanup daemon
        }
    }

    private long sourceSize(DatabaseCatalog objects, Shard s) {
        Table table = (Table) objects.relation(s.shardRelationOid());
        List<Index> indexes = objects.indexesOf(table.oid());
        int[] oids = new int[indexes.size() + 1];
        oids[0] = table.oid();
        for (int i = 0; i < indexes.size(); i++) {
            oids[i + 1] = indexes.get(i).oid();
        }
        long total = 0;
        if (source.groupId() == context.localGroupId()) {
            for (int oid : oids) {
                total += context.relationSize(oid);
            }
            return total;
        }
        long[] sizes = context.remoteRelationSizes(source.groupId(), oids);
        if (sizes != null) {
            for (long size : sizes) {
                total += size;
            }
        }
        return total;
    }
}
