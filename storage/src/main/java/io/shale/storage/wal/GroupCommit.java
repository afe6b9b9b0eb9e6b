package io.shale.storage.wal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Leader/follower group commit. A caller of {@link #await} that finds no sync under way becomes
 * the leader: it writes and syncs everything appended so far while later callers wait for it,
 * and each returns as soon as a sync covered its record.
 *
 * <p>A virtual thread does not lead: a file sync blocks its carrier, and the scheduler's
 * compensation made an fsync cost about three times as much (2.2 ms against 0.75 ms measured on
 * one disk). It asks the log's own platform thread, the syncer, to lead for it instead, and
 * parks. The syncer starts when first needed and ends after a while without requests, so an idle
 * or abandoned log holds no thread. Thread-safe.
 */
final class GroupCommit {

    /** The log, as group commit sees it. */
    interface Log {
        long durable();

        /** Writes and syncs everything appended so far; throws if that (or an earlier one) fails. */
        void syncAll();

        boolean failed();

        /** Throws the log's failure, if any. */
        void checkFailure();
    }

    private static final long SYNCER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Log log;
    private final String syncerName;
    private final ReentrantLock monitor = new ReentrantLock();
    private final Condition durableAdvanced = monitor.newCondition();
    private final Condition syncRequested = monitor.newCondition();
    // Guarded by monitor.
    private boolean leaderActive;
    private long requested;
    private boolean stopping;
    /** The running syncer, or null. */
    private Thread syncer;

    GroupCommit(Log log, String syncerName) {
        this.log = log;
        this.syncerName = syncerName;
    }

    /** Returns once {@code lsn} is durable, leading a sync or following one. */
    void await(long lsn) {
        monitor.lock();
        try {
            while (log.durable() < lsn) {
                log.checkFailure();
                if (leaderActive) {
                    durableAdvanced.awaitUninterruptibly();
                } else if (!stopping && Thread.currentThread().isVirtual()) {
                    if (syncer == null) {
                        syncer = Thread.ofPlatform().name(syncerName).daemon(true).start(this::runSyncer);
                    }
                    if (lsn > requested) {
                        requested = lsn;
                        syncRequested.signal();
                    }
                    durableAdvanced.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
        } finally {
            monitor.unlock();
        }
    }

    /** Stops the syncer; later callers lead themselves. Idempotent. */
    void stop() {
        Thread thread;
        monitor.lock();
        try {
            stopping = true;
            syncRequested.signal();
            durableAdvanced.signalAll();
            thread = syncer;
        } finally {
            monitor.unlock();
        }
        if (thread != null && thread != Thread.currentThread()) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Syncs as the leader; called and returns with the monitor held. */
    private void lead() {
        leaderActive = true;
        monitor.unlock();
        try {
            log.syncAll();
        } finally {
            monitor.lock();
            leaderActive = false;
            durableAdvanced.signalAll();
            if (requested > log.durable()) {
                syncRequested.signal();
            }
        }
    }

    private void runSyncer() {
        monitor.lock();
        try {
            long idle = SYNCER_IDLE_NANOS;
            while (!stopping && !log.failed()) {
                if (requested > log.durable() && !leaderActive) {
                    try {
                        lead();
                    } catch (RuntimeException e) {
                        // The log keeps the failure; the waiters, woken by lead, throw it.
                    }
                    idle = SYNCER_IDLE_NANOS;
                } else if (idle > 0) {
                    idle = syncRequested.awaitNanos(idle);
                } else {
                    break;
                }
            }
        } catch (InterruptedException e) {
            // Nobody interrupts the syncer but the JVM going down: end.
        } finally {
            if (syncer == Thread.currentThread()) {
                syncer = null;
            }
            monitor.unlock();
        }
    }
}
