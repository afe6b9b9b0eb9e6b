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
import io.shale.engine.exec.TableAccess;
import io.shale.engine.session.Notice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * {@code citus_move_shard_placement} (citus.md §1.5, §7.5): moves a shard group (the shard and every colocated shard
 * of the same index) from one node to another, blocking: the rows of each shard are read on the source in the
 * session's transaction and travel to the target with the staged catalog, in which the placements' group is the
 * target's and the shard relations and their indexes have new storage ids (the target's indexes are built while
 * staging). The catalog switch at commit is the commit point; the source's storage stays, recorded in
 * {@code pg_dist_cleanup} (policy 2, deferred), until {@link ShardCleaner} drops it.
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
        context.runningMoves().incrementAndGet();
        context.afterCommit(() -> context.runningMoves().decrementAndGet());
        context.afterRollback(() -> {
            context.runningMoves().decrementAndGet();
            setWriteBlocked(database, group, source.groupId(), false);
        });
        setWriteBlocked(database, group, source.groupId(), true);
        awaitWriters(shardId, timeout);
        context.transaction().newSnapshot();
        new ShardCleaner(context).cleanupGroup(target.groupId(), group);
        List<List<Object[]>> contents = new ArrayList<>(group.size());
        ShardRowReader reader = new ShardRowReader(context);
        for (Shard s : group) {
            contents.add(reader.read(objects, s));
        }
        switchPlacements(database, group, source.groupId(), target.groupId());
        DatabaseCatalog after = context.catalog().objects(database);
        for (int i = 0; i < group.size(); i++) {
            Table shardTable = (Table) after.relation(group.get(i).shardRelationOid());
            for (Object[] row : contents.get(i)) {
                if (target.groupId() == context.localGroupId()) {
                    Object[] copy = Arrays.copyOf(row, shardTable.columns().size() + 1);
                    context.tableAccess().insert(context.transaction(), context.catalog(), database, shardTable, copy,
                            context.formatSettings());
                } else {
                    context.stageShardRow(target.groupId(), shardTable.oid(), TableAccess.encodeStored(shardTable, row));
                }
            }
        }
    }

    /**
     * Waits on every node until the write statements let in before the mark and the transactions running when it
     * was published have ended (those waiting at the write gate without having written excepted).
     */
    private void awaitWriters(long shardId, long timeout) {
        List<io.shale.engine.distributed.Task> tasks = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        for (ClusterNode n : context.catalog().nodes()) {
            if (n.isActivePrimary() && n.groupId() != context.localGroupId() && !groups.contains(n.groupId())) {
                groups.add(n.groupId());
                tasks.add(new io.shale.engine.distributed.Task(n.groupId(), shardId,
                        "SELECT pg_catalog.citus_internal_wait_for_transactions(" + timeout + ")", false));
            }
        }
        context.awaitRunningTransactions(timeout);
        if (!tasks.isEmpty()) {
            context.taskRunner().run(tasks);
        }
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
     * get new storage ids, and the old ones are kept by one pg_dist_cleanup record per shard.
     */
    private void switchPlacements(int database, List<Shard> group, int sourceGroup, int targetGroup) {
        CatalogEditor editor = context.editCatalog();
        DatabaseCatalog objects = editor.objects(database);
        long operationId = editor.allocateOperationId(database);
        for (Shard s : group) {
            for (ShardPlacement p : objects.placements(s.shardId())) {
                if (p.groupId() == sourceGroup) {
                    editor.putPlacement(database, new ShardPlacement(p.placementId(), p.shardId(), targetGroup, 1,
                            p.shardLength()));
                }
            }
            Table shardTable = (Table) objects.relation(s.shardRelationOid());
            List<Long> old = new ArrayList<>();
            old.add(shardTable.storageId());
            editor.putRelation(database, shardTable.withStorageId(editor.newStorageId()));
            for (Index i : objects.indexesOf(shardTable.oid())) {
                old.add(i.storageId());
                editor.putRelation(database, i.withStorageId(editor.newStorageId()));
            }
            editor.putCleanupRecord(database, new CleanupRecord(editor.allocateCleanupRecordId(database), operationId,
                    1, ShardDataCopier.qualifiedName(objects, shardTable), sourceGroup, 2, old));
        }
        context.catalogChanged(editor.build());
    }
}
