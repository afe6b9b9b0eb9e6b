package io.shale.engine;

import io.shale.cluster.txn.PreparedGid;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.PreparedTransaction;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a session does for a shard move on its node: wait until the writers that ran when writes were blocked have
 * ended, and keep its own unwritten transaction out of that wait while it waits for a move itself. Stateless.
 */
final class ShardMoveWaits {
    private static final int FAST_POLLS = 50;

    private ShardMoveWaits() {
    }

    /**
     * Waits until the store transactions running on the node now (other than {@code ownTransaction}, and those parked
     * at the write gate without having written), the distributed transactions prepared on it now and the write
     * statements let in through its gate have ended, polling every millisecond for the first {@link #FAST_POLLS}
     * polls (the writers a write block catches mostly end within a few), then every 5 ms; 55P03 after
     * {@code timeoutMillis}.
     */
    static void awaitRunningTransactions(Engine engine, long ownTransaction, long timeoutMillis,
                                         Runnable checkInterrupted) {
        Set<Long> waited = new HashSet<>(engine.store().statistics().runningTransactions());
        waited.remove(ownTransaction);
        Set<String> prepared = distributedPrepared(engine);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        Object monitor = new Object();
        int polls = 0;
        while (true) {
            waited.retainAll(engine.store().statistics().runningTransactions());
            waited.removeAll(engine.writeGate().parkedTransactions());
            if (!prepared.isEmpty()) {
                prepared.retainAll(distributedPrepared(engine));
            }
            if (waited.isEmpty() && prepared.isEmpty() && engine.writeGate().writersInside() == 0) {
                return;
            }
            checkInterrupted.run();
            if (System.nanoTime() > deadline) {
                throw new ShaleException(ErrorCode.LOCK_NOT_AVAILABLE, "could not block writes to the shards to move: "
                        + (waited.size() + prepared.size()) + " transactions are still running on this node");
            }
            synchronized (monitor) {
                try {
                    monitor.wait(polls++ < FAST_POLLS ? 1 : 5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
                }
            }
        }
    }

    /**
     * Runs {@code action} (a wait for moves run by other sessions) with {@code unwrittenTransaction} (-1: none) parked,
     * so that those moves do not wait for it.
     */
    static <T> T whileParked(Engine engine, long unwrittenTransaction, Supplier<T> action) {
        if (unwrittenTransaction < 0) {
            return action.get();
        }
        engine.writeGate().parkedTransactions().add(unwrittenTransaction);
        try {
            return action.get();
        } finally {
            engine.writeGate().parkedTransactions().remove(unwrittenTransaction);
        }
    }

    /**
     * The gids of the participants of distributed transactions prepared on this node now: their writes commit when
     * their coordinator has committed, after its statement ended (a move waits for them too).
     */
    private static Set<String> distributedPrepared(Engine engine) {
        Set<String> gids = new HashSet<>();
        for (PreparedTransaction p : engine.store().preparedTransactions()) {
            if (PreparedGid.parse(p.gid()) != null) {
                gids.add(p.gid());
            }
        }
        return gids;
    }
}
