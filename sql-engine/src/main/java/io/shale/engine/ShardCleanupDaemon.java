package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.Role;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.engine.citus.ShardMover;
import io.shale.engine.session.InternalQueryListener;
import io.shale.engine.session.Session;

import java.util.HashMap;
import java.util.Map;

/**
 * The coordinator's deferred cleanup of shard moves (citus.md §7.5), run every
 * {@code citus.defer_shard_delete_interval}: in each database with pg_dist_cleanup records or write-block marks, an
 * internal session runs {@code citus_internal_deferred_cleanup(bound)}, which drops the records that already existed
 * at the previous run (so a source's old storage lives at least one interval after the switch) and clears the marks
 * of moves that no longer run. Runs on the node's timer thread only.
 */
final class ShardCleanupDaemon implements Runnable {
    private final Engine engine;
    private final Map<Integer, Long> bounds = new HashMap<>();

    ShardCleanupDaemon(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void run() {
        if (engine.localGroupId() != 0) {
            return;
        }
        Catalog catalog = engine.catalog();
        for (Database d : catalog.databases()) {
            DatabaseCatalog objects = catalog.objects(d.oid());
            if (objects == null || !d.allowConnections() || !needsCleanup(objects)) {
                bounds.remove(d.oid());
                continue;
            }
            try {
                bounds.put(d.oid(), cleanup(catalog, d, bounds.getOrDefault(d.oid(), 0L)));
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(ShardCleanupDaemon.class.getName())
                        .fine("deferred shard cleanup of database " + d.name() + " failed: " + e.getMessage());
            }
        }
    }

    private static boolean needsCleanup(DatabaseCatalog objects) {
        if (!objects.cleanupRecords().isEmpty()) {
            return true;
        }
        for (ShardPlacement p : objects.allPlacements()) {
            if (p.shardState() == ShardMover.WRITE_BLOCKED) {
                return true;
            }
        }
        return false;
    }

    private long cleanup(Catalog catalog, Database database, long bound) {
        Role owner = catalog.role(10);
        Session session = engine.openInternal(owner == null ? "postgres" : owner.name(), database.name(), Map.of(),
                "deferred shard cleanup");
        long[] next = {bound};
        try {
            session.simpleQuery("SELECT pg_catalog.citus_internal_deferred_cleanup(" + bound + ")",
                    new InternalQueryListener() {
                        @Override
                        public void row(Object[] values) {
                            next[0] = ((Number) values[0]).longValue();
                        }
                    });
        } finally {
            session.close();
        }
        return next[0];
    }
}
