package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.HybridLogicalClock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The commit path: a transaction goes COMMITTING, takes its commit timestamp and appends its
 * log record under one lock (so log order is timestamp order), waits until the record is durable
 * when its commit is synchronous (concurrent commits share one fsync), and only then publishes
 * the timestamp, which makes it visible. Also logs prepares, prepared outcomes and range drops,
 * and knows the stable timestamp (no commit in flight at or below it). Thread-safe.
 */
final class Committer {
    private final HybridLogicalClock clock;
    /** Null for a store that keeps nothing durable (and during recovery). */
    private CommitLog log;
    private final Object order = new Object();
    /** The end LSN of the newest asynchronous commit, made durable by {@link #flushAsync()}. */
    private final AtomicLong asyncLsn = new AtomicLong();
    private volatile RuntimeException failure;

    private final ChangeFeed feed;

    Committer(HybridLogicalClock clock, ChangeFeed feed) {
        this.clock = clock;
        this.feed = feed;
    }

    /** The log's end position now (0 without a log). */
    long logEnd() {
        CommitLog current = log;
        return current == null ? 0 : current.endLsn();
    }

    /** Starts logging (once recovery has replayed the log), before the store is shared. */
    void attach(CommitLog opened) {
        this.log = opened;
    }

    HybridLogicalClock clock() {
        return clock;
    }

    boolean durable() {
        return log != null;
    }

    /**
     * Commits the writes: returns the commit timestamp once the transaction is visible (its
     * outcome published). On a log failure the outcome is ABORTED and the store refuses commits.
     */
    long commit(TransactionState state, TransactionWrites writes, boolean synchronous) {
        checkHealthy();
        state.outcome = TransactionState.COMMITTING;
        byte[] payload = log == null ? null : LogRecordCodec.commit(writes);
        long timestamp;
        try {
            long lsn = 0;
            synchronized (order) {
                timestamp = clock.now();
                state.pendingTimestamp = timestamp;
                if (payload != null) {
                    LogRecordCodec.setCommitTimestamp(payload, timestamp);
                    lsn = log.append(LogRecordCodec.COMMIT, payload);
                } else if (log != null) {
                    lsn = LogRecordCodec.appendInParts(writes, timestamp, log);
                }
            }
            if (log != null) {
                if (synchronous) {
                    log.awaitDurable(lsn);
                } else {
                    asyncLsn.accumulateAndGet(lsn, Math::max);
                }
            }
        } catch (RuntimeException e) {
            state.publish(TransactionState.ABORTED);
            throw fail(e);
        }
        feed.record(timestamp, writes);
        state.publish(timestamp);
        return timestamp;
    }

    /** Commits a prepared transaction (its writes {@code writes}): as {@link #commit}, with a COMMIT_PREPARED record. */
    long commitPrepared(TransactionState state, String gid, TransactionWrites writes) {
        checkHealthy();
        state.outcome = TransactionState.COMMITTING;
        long timestamp;
        try {
            long lsn = 0;
            synchronized (order) {
                timestamp = clock.now();
                state.pendingTimestamp = timestamp;
                if (log != null) {
                    lsn = log.append(LogRecordCodec.COMMIT_PREPARED, LogRecordCodec.commitPrepared(gid, timestamp));
                }
            }
            if (log != null) {
                log.awaitDurable(lsn);
            }
        } catch (RuntimeException e) {
            state.publish(TransactionState.IN_PROGRESS);
            throw fail(e);
        }
        feed.record(timestamp, writes);
        state.publish(timestamp);
        return timestamp;
    }

    /** Logs a prepare durably; returns the LSN its record starts at (0 when nothing is logged). */
    long prepare(LogRecord.Prepare prepare) {
        checkHealthy();
        if (log == null) {
            return 0;
        }
        byte[] payload = LogRecordCodec.prepare(prepare);
        try {
            long start;
            long end;
            synchronized (order) {
                start = log.endLsn();
                end = log.append(LogRecordCodec.PREPARE, payload);
            }
            log.awaitDurable(end);
            return start;
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    void rollbackPrepared(String gid) {
        checkHealthy();
        if (log != null) {
            appendDurably(LogRecordCodec.ROLLBACK_PREPARED, LogRecordCodec.rollbackPrepared(gid));
        }
    }

    /** Logs a range drop durably; returns its timestamp (versions at or below it are gone). */
    long destroyRange(byte[] from, byte[] to) {
        checkHealthy();
        long timestamp;
        long lsn = 0;
        try {
            synchronized (order) {
                timestamp = clock.now();
                if (log != null) {
                    lsn = log.append(LogRecordCodec.DESTROY_RANGE, LogRecordCodec.destroyRange(from, to, timestamp));
                }
            }
            if (log != null) {
                log.awaitDurable(lsn);
            }
        } catch (RuntimeException e) {
            throw fail(e);
        }
        return timestamp;
    }

    /**
     * A timestamp at or below which no commit is in flight, given the transactions that may be
     * committing: the clock read under the ordering lock (later commits take greater timestamps),
     * lowered below the timestamp of every commit not yet published.
     */
    long stableTimestamp(Iterable<TransactionState> candidates) {
        long stable;
        synchronized (order) {
            stable = clock.current();
        }
        for (TransactionState state : candidates) {
            if (state.outcome == TransactionState.COMMITTING) {
                long pending = state.pendingTimestamp;
                if (pending != 0 && pending <= stable) {
                    stable = pending - 1;
                }
            }
        }
        return stable;
    }

    /**
     * The log position and the clock at one instant: every record before the LSN has a smaller
     * timestamp than the returned one, every later record a greater one ({@code [lsn, ts]}).
     */
    long[] cut() {
        synchronized (order) {
            return new long[] {log == null ? 0 : log.endLsn(), clock.now()};
        }
    }

    /** The log's end now (0 when nothing is logged). */
    long logPosition() {
        return log == null ? 0 : log.endLsn();
    }

    /** Makes the asynchronous commits durable (the background tick, and close). */
    void flushAsync() {
        long target = asyncLsn.get();
        if (log != null && target > log.durableLsn() && failure == null) {
            try {
                log.awaitDurable(target);
            } catch (RuntimeException e) {
                fail(e);
            }
        }
    }

    /**
     * Returns once the log is durable up to {@code lsn}. A checkpoint calls it before its
     * manifest names {@code lsn}: the log must reach the point recovery will start from (the log
     * before the data that relies on it), even when the commits below it were asynchronous.
     */
    void makeDurable(long lsn) {
        checkHealthy();
        if (log != null) {
            try {
                log.awaitDurable(lsn);
            } catch (RuntimeException e) {
                throw fail(e);
            }
        }
    }

    void recycleBefore(long lsn) {
        if (log != null) {
            log.recycleBefore(lsn);
        }
    }

    void close() {
        if (log != null) {
            flushAsync();
            log.close();
        }
    }

    /**
     * Refuses every later log write (a simulated kill): commits fail from now on, those in flight
     * included, and once this returns the log's files are no longer written or synced.
     */
    void halt() {
        fail(new ShaleException(ErrorCode.ADMIN_SHUTDOWN, "the store was stopped"));
        if (log != null) {
            log.halt();
        }
    }

    void checkHealthy() {
        RuntimeException cause = failure;
        if (cause != null) {
            throw new ShaleException(ErrorCode.IO_ERROR,
                    "the store stopped accepting writes after a write-ahead log failure: " + cause.getMessage());
        }
    }

    private void appendDurably(byte type, byte[] payload) {
        try {
            long lsn;
            synchronized (order) {
                lsn = log.append(type, payload);
            }
            log.awaitDurable(lsn);
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    private RuntimeException fail(RuntimeException cause) {
        if (failure == null) {
            failure = cause;
        }
        return cause;
    }
}
