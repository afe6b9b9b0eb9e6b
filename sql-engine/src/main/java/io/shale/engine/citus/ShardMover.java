package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Index;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.CleanupRecord;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.DistributedTable;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.Notice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code citus_move_shard_placement} (citus.md §1.5, §7.5): moves a shard group (the shard and every colocated shard
 * of the same index) from one node to another. New storage ids are reserved on the target ({@link OnlineShardMove}),
 * the source's keys are streamed there from a pinned snapshot; 'auto' and 'force_logical' then replay the changes
 * committed meanwhile and block writes only for the last of them, 'block_writes' blocks them from the start. The
 * catalog switch (placements on the target, the relations on their new storage ids) committed with the session's
 * transaction is the commit point; the source's storage stays, recorded in {@code pg_dist_cleanup} (policy 2,
 * deferred), until {@link ShardCleaner} drops it.
 */
public final class ShardMover {
    /** pg_dist_placement.shardstate of a placement whose writes wait while its shard group moves (shown as 1). */
    public static final int WRITE_BLOCKED = 3;

    private final DistributionContext context;

    public ShardMover(DistributionContext context) {
        this.context = context;
    }

    /** The overload by node ids; {@code transferMode} is 'auto', 'force_logical' or 'block_writes'. */
    public void move(long shardId, int sourceNodeId, int targetNodeId, String transferMode) {
        ShardMoveChecks.ensureCoordinator(context);
        Catalog catalog = context.catalog();
        ClusterNode source = ShardMoveChecks.nodeById(catalog, sourceNodeId);
        ClusterNode target = ShardMoveChecks.nodeById(catalog, targetNodeId);
        move(shardId, source, target, target.nodeName(), target.nodePort(), transferMode);
    }

    /** The overload by node names and ports. */
    public void move(long shardId, String sourceName, int sourcePort, String targetName, int targetPort,
                     String transferMode) {
        ShardMoveChecks.ensureCoordinator(context);
        Catalog catalog = context.catalog();
        ClusterNode source = ShardMoveChecks.nodeByAddress(catalog, sourceName, sourcePort);
        ClusterNode target = ShardMoveChecks.nodeByAddress(catalog, targetName, targetPort);
        ShardMoveChecks.ensureSourceExists(source, sourceName, sourcePort);
        move(shardId, source, target, targetName, targetPort, transferMode);
    }

    private void move(long shardId, ClusterNode source, ClusterNode target, String targetName, int targetPort,
                      String transferMode) {
        String mode = ShardMoveChecks.transferMode(transferMode);
        int database = context.databaseOid();
        DatabaseCatalog objects = context.catalog().objects(database);
        Shard shard = ShardMoveChecks.shard(objects, shardId);
        DistributedTable table = objects.distributedTable(shard.relationOid());
        ShardMoveChecks.ensureNotReference(objects, table);
        if (target != null) {
            ShardMoveChecks.ensureDifferentNodes(source, target);
        }
        ShardMoveChecks.ensureTargetUsable(target, targetName, targetPort);
        if (objects.hasPlacement(shardId, target.groupId())) {
            context.notice(new Notice("WARNING", "01000", "shard is already present on node " + target.nodeName() + ":"
                    + target.nodePort(), "Move may have already completed.", null));
            return;
        }
        ShardMoveChecks.ensureSourcePlacement(objects, shard, source);
        List<Shard> group = shardGroup(objects, shard);
        if (mode.equals("auto")) {
            ShardMoveChecks.ensureReplicaIdentities(objects, group);
        }
        long timeout = context.integerSetting("citus.logical_replication_timeout");
        boolean online = !mode.equals("block_writes");
        if (online) {
            claimOnlineMove();
        }
        OnlineShardMove data = new OnlineShardMove(context, database, source, target);
        context.runningMoves().incrementAndGet();
        context.afterCommit(() -> {
            context.runningMoves().decrementAndGet();
            data.finish();
        });
        context.afterRollback(() -> {
            try {
                setWriteBlocked(database, group, source.groupId(), false);
            } finally {
                try {
                    data.fail();
                } finally {
                    context.runningMoves().decrementAndGet();
                }
            }
        });
        data.setUp(group);
        if (!online) {
            data.blockingWrites();
            setWriteBlocked(database, group, source.groupId(), true);
            data.stepDone("block");
            new MoveWriterWaits(context, data.transfer()).await(timeout, data);
        }
        data.copy();
        if (online) {
            data.catchUp();
            data.blockingWrites();
            setWriteBlocked(database, group, source.groupId(), true);
            data.stepDone("block");
            new MoveWriterWaits(context, data.transfer()).await(timeout, data);
        }
        data.finalCatchUp(online);
        new ShardCleaner(context).cleanupGroup(target.groupId(), group, data.operationId());
        data.stepDone("cleanup");
        switchPlacements(database, data, source.groupId(), target.groupId());
        data.stepDone("switch");
    }

    /** The session's transaction runs an online move now: refused with Citus's error when it already ran one. */
    private void claimOnlineMove() {
        Object transaction = context.transaction();
        MoveProgress progress = context.moveProgress();
        if (!progress.claimOnlineMove(transaction)) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "moving multiple shard placements via logical "
                    + "replication in the same transaction is currently not supported")
                    .withHint("If you wish to move multiple shard placements in a single transaction set the "
                            + "shard_transfer_mode to 'block_writes'.");
        }
        context.afterCommit(() -> progress.onlineMoveEnded(transaction));
        context.afterRollback(() -> progress.onlineMoveEnded(transaction));
    }

    /** Publishes at once the placements of {@code group} on {@code sourceGroup} as write-blocked, or active again. */
    void setWriteBlocked(int database, List<Shard> group, int sourceGroup, boolean blocked) {
        context.commitCatalogNow(editor -> {
            DatabaseCatalog objects = editor.objects(database);
            for (Shard s : group) {
                for (ShardPlacement p : objects.placements(s.shardId())) {
                    if (p.groupId() == sourceGroup) {
                        editor.putPlacement(database, new ShardPlacement(p.placementId(), p.shardId(), p.groupId(),
                                blocked ? WRITE_BLOCKED : 1, p.shardLength()));
                    }
                }
            }
        });
    }

    /** The shard and the shards of the same index of every table colocated with it, in shard id order. */
    static List<Shard> shardGroup(DatabaseCatalog objects, Shard shard) {
        DistributedTable table = objects.distributedTable(shard.relationOid());
        int index = objects.shards(shard.relationOid()).indexOf(shard);
        List<Shard> group = new ArrayList<>();
        for (DistributedTable t : objects.distributedTables()) {
            if (t.colocationId() == table.colocationId()) {
                List<Shard> shards = objects.shards(t.relationOid());
                if (index < shards.size()) {
                    group.add(shards.get(index));
                }
            }
        }
        group.sort(Comparator.comparingLong(Shard::shardId));
        return group;
    }

    /**
     * The catalog change: each placement on the source moves to the target group, the shard relation and its indexes
     * get the storage ids the move reserved and filled (their policy-1 records go), and the old ones are kept by one
     * pg_dist_cleanup record per shard (policy 2, deferred drop).
     */
    private void switchPlacements(int database, OnlineShardMove data, int sourceGroup, int targetGroup) {
        CatalogEditor editor = context.editCatalog();
        DatabaseCatalog objects = editor.objects(database);
        for (CleanupRecord r : objects.cleanupRecords()) {
            if (r.operationId() == data.operationId() && r.policyType() == OnlineShardMove.CLEANUP_ON_FAILURE) {
                editor.removeCleanupRecord(database, r.recordId());
            }
        }
        long operationId = editor.allocateOperationId(database);
        for (OnlineShardMove.Moving m : data.shards()) {
            Shard s = m.shard();
            for (ShardPlacement p : objects.placements(s.shardId())) {
                if (p.groupId() == sourceGroup) {
                    editor.putPlacement(database, new ShardPlacement(p.placementId(), p.shardId(), targetGroup, 1,
                            p.shardLength()));
                }
            }
            Table shardTable = (Table) objects.relation(s.shardRelationOid());
            List<Long> old = new ArrayList<>();
            old.add(shardTable.storageId());
            editor.putRelation(database, shardTable.withStorageId(m.newIds()[0]));
            List<Index> indexes = objects.indexesOf(shardTable.oid());
            if (indexes.size() != m.newIds().length - 1) {
                throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "the indexes of shard "
                        + s.shardId() + " changed while it was moved");
            }
            for (int i = 0; i < indexes.size(); i++) {
                old.add(indexes.get(i).storageId());
                editor.putRelation(database, indexes.get(i).withStorageId(m.newIds()[i + 1]));
            }
            editor.putCleanupRecord(database, new CleanupRecord(editor.allocateCleanupRecordId(database), operationId,
                    1, ShardDataCopier.qualifiedName(objects, shardTable), sourceGroup, 2, old));
        }
        context.catalogChanged(editor.build());
    }
}
