package io.shale.storage.memory;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyValueStore;
import io.shale.storage.PreparedTransaction;
import io.shale.storage.StoreSnapshot;
import io.shale.storage.StoreStatistics;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory {@link KeyValueStore}: a {@link VersionStore} of multi-version chains, a
 * {@link LockManager} of row locks, and snapshots and commit timestamps from the node's
 * {@link HybridLogicalClock}. Nothing is durable. Thread-safe; reads take no lock.
 */
public final class MemoryKeyValueStore implements KeyValueStore {
    private final MemoryStoreConfig config;
    private final HybridLogicalClock clock;
    private final VersionStore versions = new VersionStore();
    private final LockManager locks = new LockManager();
    private final Set<TransactionState> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong transactionIds = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicBoolean vacuuming = new AtomicBoolean();
    /** Where the incremental vacuum goes on; guarded by {@link #vacuuming}. */
    private byte[] vacuumResumeAfter;
    private volatile long horizon;
    private volatile boolean closed;

    /** A store with its own clock. */
    public MemoryKeyValueStore(MemoryStoreConfig config) {
        this(config, new HybridLogicalClock());
    }

    /** A store that takes timestamps from the node's clock. */
    public MemoryKeyValueStore(MemoryStoreConfig config, HybridLogicalClock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Transaction begin(TransactionOptions options) {
        if (closed) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "the store is closed");
        }
        TransactionState state = new TransactionState(transactionIds.incrementAndGet());
        running.add(state);
        return new MemoryTransaction(this, versions, locks, state, options, takeSnapshot(state, Long.MAX_VALUE));
    }

    @Override
    public void destroyRange(byte[] fromInclusive, byte[] toExclusive) {
        versions.destroyRange(fromInclusive, toExclusive);
    }

    @Override
    public long approximateSize(byte[] fromInclusive, byte[] toExclusive) {
        return versions.approximateSize(fromInclusive, toExclusive);
    }

    @Override
    public StoreStatistics statistics() {
        List<TransactionState> states = new ArrayList<>(running);
        List<Long> ids = new ArrayList<>(states.size());
        for (TransactionState state : states) {
            ids.add(state.id);
        }
        Collections.sort(ids);
        return new StoreStatistics(ids, versions.liveKeys(), locks.waits(states));
    }

    /**
     * Drops every version that no running or future snapshot can see; returns the number of keys
     * removed entirely (deleted keys whose deletion everyone sees).
     */
    public int pruneNow() {
        refreshHorizon();
        return versions.vacuum(horizon);
    }

    @Override
    public void vacuum() {
        pruneNow();
    }

    @Override
    public void commitPrepared(String gid) {
        throw notYet();
    }

    @Override
    public void rollbackPrepared(String gid) {
        throw notYet();
    }

    @Override
    public List<PreparedTransaction> preparedTransactions() {
        return List.of();
    }

    @Override
    public StoreSnapshot openSnapshot() {
        throw notYet();
    }

    @Override
    public long stableTimestamp() {
        throw notYet();
    }

    static ShaleException notYet() {
        return new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "prepared transactions and store snapshots are not supported by the memory store");
    }

    /** The number of keys the version store holds, deleted ones included (for tests). */
    int chainCount() {
        return versions.chainCount();
    }

    /** The number of keys with a row lock entry now (held or waited for). */
    int lockedKeys() {
        return locks.lockedKeys();
    }

    /** The clock that stamps this store's snapshots and commits. */
    public HybridLogicalClock clock() {
        return clock;
    }

    @Override
    public void close() {
        closed = true;
    }

    /**
     * Takes a snapshot timestamp for a transaction. The slot is marked pending first, so that a
     * concurrent horizon computation never trusts a timestamp older than the one taken here; it
     * then holds the older of the new snapshot and {@code stillInUse} (an open cursor's).
     */
    long takeSnapshot(TransactionState state, long stillInUse) {
        state.snapshot = TransactionState.SNAPSHOT_PENDING;
        long snapshot = clock.now();
        state.snapshot = Math.min(snapshot, stillInUse);
        return snapshot;
    }

    /** The pruning horizon: no running or future snapshot is older. */
    long horizon() {
        return horizon;
    }

    void finished(TransactionState state, boolean wrote) {
        running.remove(state);
        if (wrote && commits.incrementAndGet() % config.horizonRefreshCommits() == 0) {
            refreshHorizon();
            vacuumIncrementally();
        }
    }

    private void vacuumIncrementally() {
        if (config.vacuumBatch() == 0 || !vacuuming.compareAndSet(false, true)) {
            return;
        }
        try {
            vacuumResumeAfter = versions.vacuumSome(horizon, vacuumResumeAfter, config.vacuumBatch());
        } finally {
            vacuuming.set(false);
        }
    }

    private void refreshHorizon() {
        long floor = clock.current();
        for (TransactionState state : running) {
            long snapshot = state.snapshot;
            if (snapshot == TransactionState.SNAPSHOT_PENDING) {
                return;
            }
            floor = Math.min(floor, snapshot);
        }
        if (floor > horizon) {
            horizon = floor;
        }
    }
}
