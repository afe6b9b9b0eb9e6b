package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.Database;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.citus.ShardMover;

/**
 * The node's gate for write statements while a blocking shard move runs: the move publishes a catalog in which the
 * placements of the moving shard group are write-blocked ({@link ShardMover#WRITE_BLOCKED}); until a catalog without
 * such placements is published, INSERT, UPDATE, DELETE, MERGE, COPY FROM and TRUNCATE wait here before planning,
 * then plan against the new placements. Write statements let in are counted, so that a move waits for those that
 * entered before its mark to end (a statement enters, then checks the mark: either it sees the mark or the move
 * sees it inside). Coarse: any write-blocked placement holds every write of the node.
 * Thread-safe.
 */
final class ShardWriteGate {
    private volatile boolean blocked;
    private final java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger runningMoves = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.Set<Long> parked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Called with each catalog the node switches to. */
    synchronized void published(Catalog catalog) {
        blocked = hasBlockedPlacement(catalog);
        notifyAll();
    }

    /**
     * Lets a write statement in once no placement is write-blocked (counted until {@link #leave}); 55P03 after {@code timeoutMillis}, 57014 when cancelled. A waiting
     * transaction that has not written ({@code transactionId} not -1) is parked: a move does not wait for it to end.
     */
    void enter(long timeoutMillis, Runnable checkInterrupted, long transactionId) {
        while (true) {
            inside.incrementAndGet();
            if (!blocked) {
                return;
            }
            inside.decrementAndGet();
            if (transactionId >= 0) {
                parked.add(transactionId);
            }
            try {
                awaitUnblocked(timeoutMillis, checkInterrupted);
            } finally {
                parked.remove(transactionId);
            }
        }
    }

    /** Whether the node's catalog has a write-blocked placement now (write statements wait). */
    boolean blocking() {
        return blocked;
    }

    /** The shard moves this node runs now. */
    java.util.concurrent.atomic.AtomicInteger runningMoves() {
        return runningMoves;
    }

    /** The end of a write statement that {@link #enter}ed. */
    void leave() {
        inside.decrementAndGet();
    }

    /** Write statements running now that entered while no placement was write-blocked. */
    int writersInside() {
        return inside.get();
    }

    /** The store transactions waiting here without having written. */
    java.util.Set<Long> parkedTransactions() {
        return parked;
    }

    private void awaitUnblocked(long timeoutMillis, Runnable checkInterrupted) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (this) {
            while (blocked) {
                checkInterrupted.run();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ShaleException(ErrorCode.LOCK_NOT_AVAILABLE,
                            "could not write to a shard while it is being moved");
                }
                try {
                    wait(Math.max(1, Math.min(100, left / 1_000_000L)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
                }
            }
        }
    }

    private static boolean hasBlockedPlacement(Catalog catalog) {
        for (Database d : catalog.databases()) {
            var objects = catalog.objects(d.oid());
            if (objects == null) {
                continue;
            }
            for (ShardPlacement p : objects.allPlacements()) {
                if (p.shardState() == ShardMover.WRITE_BLOCKED) {
                    return true;
                }
            }
        }
        return false;
    }
}
