package io.shale.engine.citus;

import io.shale.catalog.CatalogEditor;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Table;
import io.shale.catalog.distribution.CleanupRecord;
import io.shale.catalog.distribution.Shard;
import io.shale.engine.session.Notice;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops what shard moves left behind ({@code pg_dist_cleanup}, citus.md §2.9, §7.5): removing a record from the
 * catalog releases its storage ids, which each node frees when it switches to that catalog (the coordinator at
 * commit), so the source's old shard storage disappears with the change that removes the record.
 */
public final class ShardCleaner {
    private final DistributionContext context;

    public ShardCleaner(DistributionContext context) {
        this.context = context;
    }

    /** {@code citus_cleanup_orphaned_resources()}: every record of the session's database; NOTICE with the count. */
    public int cleanupAll() {
        ShardMoveChecks.ensureCoordinator(context);
        clearStaleWriteBlocks();
        int database = context.databaseOid();
        List<CleanupRecord> records = new ArrayList<>();
        for (CleanupRecord r : context.catalog().objects(database).cleanupRecords()) {
            if (!ofRunningMove(r)) {
                records.add(r);
            }
        }
        remove(database, records);
        if (!records.isEmpty()) {
            context.notice(new Notice("NOTICE", "00000", "cleaned up " + records.size() + " orphaned resources", null,
                    null));
        }
        return records.size();
    }

    /**
     * The deferred background cleanup: stale write-block marks cleared, records older than {@code operationsBefore}
     * (operation ids below it) dropped; returns the operation id bound for the next run (above every record now).
     */
    public long cleanupBefore(long operationsBefore) {
        clearStaleWriteBlocks();
        int database = context.databaseOid();
        long next = operationsBefore;
        for (CleanupRecord r : context.catalog().objects(database).cleanupRecords()) {
            next = Math.max(next, r.operationId() + 1);
        }
        List<CleanupRecord> records = new ArrayList<>();
        for (CleanupRecord r : context.catalog().objects(database).cleanupRecords()) {
            if (r.operationId() < operationsBefore && !ofRunningMove(r)) {
                records.add(r);
            }
        }
        remove(database, records);
        return next;
    }

    /**
     * Write-block marks left by a move whose transaction ended while a node was unreachable (the clearing failed) are
     * cleared when no move runs on this node.
     */
    void clearStaleWriteBlocks() {
        if (context.runningMoves().get() != 0 || context.localGroupId() != 0) {
            return;
        }
        int database = context.databaseOid();
        boolean stale = false;
        for (io.shale.catalog.distribution.ShardPlacement p : context.catalog().objects(database).allPlacements()) {
            stale |= p.shardState() == ShardMover.WRITE_BLOCKED;
        }
        if (!stale) {
            return;
        }
        context.commitCatalogNow(editor -> {
            if (context.runningMoves().get() != 0) {
                return;
            }
            for (io.shale.catalog.distribution.ShardPlacement p : editor.objects(database).allPlacements()) {
                if (p.shardState() == ShardMover.WRITE_BLOCKED) {
                    editor.putPlacement(database, new io.shale.catalog.distribution.ShardPlacement(p.placementId(),
                            p.shardId(), p.groupId(), 1, p.shardLength()));
                }
            }
        });
    }

    /**
     * A record of policy 1 (dropped when its move fails) while a move runs on this node may be the running move's
     * copy: it stays until no move runs (a coordinator restart ends every move).
     */
    private boolean ofRunningMove(CleanupRecord r) {
        return r.policyType() == OnlineShardMove.CLEANUP_ON_FAILURE && context.runningMoves().get() != 0;
    }

    /**
     * Before a move's switch: the leftovers of earlier moves of the same shards on the target group are dropped (the
     * records of operation {@code ownOperation}, the running move's, excepted).
     */
    void cleanupGroup(int targetGroup, List<Shard> group, long ownOperation) {
        int database = context.databaseOid();
        DatabaseCatalog objects = context.catalog().objects(database);
        List<String> names = new ArrayList<>();
        for (Shard s : group) {
            names.add(ShardDataCopier.qualifiedName(objects, (Table) objects.relation(s.shardRelationOid())));
        }
        List<CleanupRecord> records = new ArrayList<>();
        for (CleanupRecord r : objects.cleanupRecords()) {
            if (r.groupId() == targetGroup && names.contains(r.objectName()) && r.operationId() != ownOperation) {
                records.add(r);
            }
        }
        remove(database, records);
    }

    private void remove(int database, List<CleanupRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        CatalogEditor editor = context.editCatalog();
        List<Long> storage = new ArrayList<>();
        for (CleanupRecord r : records) {
            editor.removeCleanupRecord(database, r.recordId());
            if (r.groupId() == context.localGroupId()) {
                storage.addAll(r.storageIds());
            }
        }
        context.catalogChanged(editor.build());
        context.freeStorageAfterCommit(storage);
    }
}
