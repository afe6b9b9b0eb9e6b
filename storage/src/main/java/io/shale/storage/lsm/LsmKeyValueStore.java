package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.BulkLoad;
import io.shale.storage.ChangeCursor;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyCursor;
import io.shale.storage.KeyValueStore;
import io.shale.storage.PreparedTransaction;
import io.shale.storage.StoreSnapshot;
import io.shale.storage.StoreStatistics;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.file.StorageFiles;
import io.shale.storage.sstable.SortedFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The node's durable {@link KeyValueStore}: multi-version chains in memory (the memtable) over a
 * write-ahead log and immutable sorted files, row locks, and snapshots and commit timestamps from
 * the node's {@link HybridLogicalClock}. A synchronous commit is visible only once its log record
 * is durable; the memtable is flushed to sorted files at checkpoints (when over its share of
 * {@link LsmConfig#memoryBudget()}, every {@link LsmConfig#checkpointWalSize()} bytes of log, at
 * close), which bound recovery: the manifest's files plus the log after the checkpoint, prepared
 * transactions included with their writes and row locks. Thread-safe; reads take no lock.
 *
 * <p>{@link #open} recovers a store from its files and starts its background thread (durability
 * of asynchronous commits, flushes, compaction); {@link #openVolatile} gives the same store with
 * no files at all (nothing durable), which {@code MemoryKeyValueStore} wraps. See the module's
 * {@code README.md} for the design.
 */
public final class LsmKeyValueStore implements KeyValueStore {
    private final LsmConfig config;
    private final Committer committer;
    private final PrefixSizes prefixSizes = new PrefixSizes();
    private final VersionStore versions = new VersionStore(prefixSizes);
    private final LockManager locks = new LockManager();
    private final PreparedRegistry prepared = new PreparedRegistry();
    private final Set<TransactionState> running = ConcurrentHashMap.newKeySet();
    private final Set<PinnedSnapshot> pins = ConcurrentHashMap.newKeySet();
    private final ChangeFeed feed = new ChangeFeed();
    private final AtomicLong transactionIds = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicBoolean vacuuming = new AtomicBoolean();
    /** Reads the chains as a store snapshot does: owns no write. */
    private final TransactionState snapshotReader = new TransactionState(0);
    /** Where the incremental vacuum goes on; guarded by {@link #vacuuming}. */
    private byte[] vacuumResumeAfter;
    private volatile long horizon;
    private volatile boolean closed;
    /** The sorted files and their background work; null for a volatile store. */
    private DiskTier tier;
    private StoreMaintenance maintenance;

    private LsmKeyValueStore(LsmConfig config, HybridLogicalClock clock) {
        this.config = config;
        this.committer = new Committer(clock, feed);
    }

    /**
     * Opens the store kept in {@code files}: recovers it (replays the log after the last
     * checkpoint) and starts its background work. Fails with XX001 on a corrupt log record in the
     * middle of the log unless {@link LsmConfig#walSkipCorrupt()}.
     */
    public static LsmKeyValueStore open(StorageFiles files, LsmConfig config, HybridLogicalClock clock) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        LsmKeyValueStore store = new LsmKeyValueStore(config, clock);
        Manifest manifest = Manifest.read(files);
        DiskTier tier = DiskTier.open(files, config.memoryBudget() / 4, config.fsync(), manifest);
        try {
            store.tier = tier;
            if (!manifest.files().isEmpty()) {
                store.versions.filesMayHoldKeys();
            }
            Recovery recovery = new Recovery(files, config);
            long end = recovery.replay(store, manifest.replayFromLsn(), manifest.checkpointLsn());
            clock.update(manifest.flushTimestamp());
            for (SortedFile file : tier.current().files) {
                clock.update(file.info().maxTimestamp());
            }
            store.committer.attach(recovery.openLog(end));
        } catch (RuntimeException e) {
            tier.close();
            throw e;
        }
        store.maintenance = new StoreMaintenance(store, tier, "shale-store " + files.describe());
        return store;
    }

    /** A store that keeps everything in memory and logs nothing (nothing survives close). */
    public static LsmKeyValueStore openVolatile(LsmConfig config, HybridLogicalClock clock) {
        return new LsmKeyValueStore(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Transaction begin(TransactionOptions options) {
        checkOpen();
        TransactionState state = new TransactionState(transactionIds.incrementAndGet());
        running.add(state);
        return new StoreTransaction(this, versions, locks, state, options, takeSnapshot(state, Long.MAX_VALUE));
    }

    @Override
    public void destroyRange(byte[] fromInclusive, byte[] toExclusive) {
        checkOpen();
        if (tier == null) {
            committer.destroyRange(fromInclusive, toExclusive);
        } else {
            synchronized (tier.installLock()) {
                long timestamp = committer.destroyRange(fromInclusive, toExclusive);
                tier.dropLocked(new DroppedRange(copy(fromInclusive), copy(toExclusive), timestamp));
            }
            maintenance.request(false);
        }
        versions.destroyRange(fromInclusive, toExclusive);
    }

    @Override
    public BulkLoad bulkLoad(byte[] fromInclusive, byte[] toExclusive) {
        checkOpen();
        if (tier == null) {
            return KeyValueStore.super.bulkLoad(fromInclusive, toExclusive);
        }
        return new FileBulkLoad(maintenance, tier, committer.clock().now(), fromInclusive, toExclusive);
    }

    @Override
    public long approximateSize(byte[] fromInclusive, byte[] toExclusive) {
        long inMemory = prefixSizes.size(fromInclusive, toExclusive);
        return tier == null ? inMemory : inMemory + tier.current().size(fromInclusive, toExclusive);
    }

    @Override
    public void commitPrepared(String gid) {
        checkOpen();
        PreparedEntry entry = prepared.take(gid);
        TransactionState state = entry.state();
        running.add(state);
        long commitTimestamp;
        try {
            commitTimestamp = committer.commitPrepared(state, gid, entry.writes());
        } catch (RuntimeException e) {
            running.remove(state);
            prepared.install(entry);
            throw e;
        }
        entry.writes().stamp(commitTimestamp, horizon);
        entry.locks().releaseAll();
        finished(state, !entry.writes().isEmpty());
    }

    @Override
    public void rollbackPrepared(String gid) {
        checkOpen();
        PreparedEntry entry = prepared.take(gid);
        try {
            committer.rollbackPrepared(gid);
        } catch (RuntimeException e) {
            prepared.install(entry);
            throw e;
        }
        entry.state().publish(TransactionState.ABORTED);
        entry.writes().undoSince(0);
        entry.locks().releaseAll();
    }

    @Override
    public List<PreparedTransaction> preparedTransactions() {
        return prepared.list();
    }

    @Override
    public StoreSnapshot openSnapshot() {
        checkOpen();
        PinnedSnapshot snapshot = new PinnedSnapshot(this);
        synchronized (pins) {
            pins.add(snapshot);
            feed.activate(true);
        }
        snapshot.pin(committer.clock().now());
        return snapshot;
    }

    @Override
    public long stableTimestamp() {
        return committer.stableTimestamp(running);
    }

    @Override
    public long logPosition() {
        return committer.logEnd();
    }

    /** A store snapshot's scan: the range as of the timestamp, no own writes. */
    KeyCursor snapshotCursor(byte[] fromInclusive, byte[] toExclusive, long timestamp) {
        Iterator<VersionChain> chains = versions.iterate(fromInclusive, toExclusive, false);
        return new StoreKeyCursor(null, snapshotReader, chains, acquireFiles(), true, fromInclusive, toExclusive,
                false, timestamp, 0);
    }

    /**
     * The committed changes of the range in {@code (after, until]}, in commit order, from the commits recorded while
     * snapshots are open ({@code after} is at or above an open pin's timestamp).
     */
    ChangeCursor changes(byte[] fromInclusive, byte[] toExclusive, long after, long until) {
        List<ChangeList.Change> gathered = new ArrayList<>();
        feed.gather(fromInclusive, toExclusive, after, until, gathered);
        return ChangeList.of(gathered);
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
        if (maintenance != null) {
            maintenance.request(true);
        }
    }

    /** The clock that stamps this store's snapshots and commits. */
    public HybridLogicalClock clock() {
        return committer.clock();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (maintenance != null) {
                maintenance.stop(true);
            }
        } finally {
            if (tier != null) {
                tier.close();
            }
            committer.close();
        }
    }

    /**
     * Stops the store as a killed process would, for crash and fault tests: the committer and
     * maintenance end at once, nothing more is written or synced, and the files stay as they are
     * now, which is what the next {@link #open} recovers from. The write-ahead log is halted first
     * (commits in flight fail, what was appended but not written is dropped), so once this returns
     * no thread of this store touches the files and a store opened on them in the same JVM does
     * not see them change. Transactions still open fail; the store cannot be used afterwards, and
     * {@link #close()} is no longer needed.
     */
    public void simulateCrash() {
        closed = true;
        committer.halt();
        if (maintenance != null) {
            maintenance.stop(false);
        }
    }

    /** The number of keys the memtable holds, deleted ones included (for tests). */
    int chainCount() {
        return versions.chainCount();
    }

    /** The number of keys with a row lock entry now (held or waited for). */
    int lockedKeys() {
        return locks.lockedKeys();
    }

    LsmConfig config() {
        return config;
    }

    Committer committer() {
        return committer;
    }

    VersionStore versions() {
        return versions;
    }

    LockManager locks() {
        return locks;
    }

    PreparedRegistry prepared() {
        return prepared;
    }

    /** Recovery saw transaction ids up to this one: later ids are greater. */
    void noteTransactionId(long id) {
        transactionIds.accumulateAndGet(id, Math::max);
    }

    /**
     * Logs a prepare and keeps the transaction's writes and locks under its gid; fails with
     * 42710 when the gid is in use.
     */
    void prepare(TransactionState state, TransactionWrites writes, TransactionLocks held, String gid,
                 String owner, String database) {
        checkOpen();
        prepared.reserve(gid, committer.logPosition());
        try {
            long micros = Math.multiplyExact(System.currentTimeMillis(), 1000L);
            PreparedTransaction info = new PreparedTransaction(gid, state.id, micros, owner, database);
            long lsn = committer.prepare(new LogRecord.Prepare(gid, state.id, micros, owner, database,
                    committer.durable() ? writes.finalWrites() : List.of(),
                    committer.durable() ? held.heldLocks() : List.of()));
            state.snapshot = Long.MAX_VALUE;
            prepared.install(new PreparedEntry(info, state, writes, held, lsn));
        } catch (RuntimeException e) {
            prepared.release(gid);
            throw e;
        }
    }

    /**
     * Takes a snapshot timestamp for a transaction. The slot is marked pending first, so that a
     * concurrent horizon computation never trusts a timestamp older than the one taken here; it
     * then holds the older of the new snapshot and {@code stillInUse} (an open cursor's).
     */
    long takeSnapshot(TransactionState state, long stillInUse) {
        state.snapshot = TransactionState.SNAPSHOT_PENDING;
        long snapshot = committer.clock().now();
        state.snapshot = Math.min(snapshot, stillInUse);
        return snapshot;
    }

    /** The pruning horizon: no running or future snapshot is older. */
    long horizon() {
        return horizon;
    }

    void unpin(PinnedSnapshot snapshot) {
        synchronized (pins) {
            pins.remove(snapshot);
            if (pins.isEmpty()) {
                feed.activate(false);
                return;
            }
        }
        dropUnpinnedChanges();
    }

    /** Forgets the recorded commits that no open pin needs any more (a pin was closed or advanced). */
    void dropUnpinnedChanges() {
        long oldest = Long.MAX_VALUE;
        for (PinnedSnapshot pin : pins) {
            oldest = Math.min(oldest, pin.pinned());
        }
        if (oldest != Long.MAX_VALUE && oldest != TransactionState.SNAPSHOT_PENDING) {
            feed.dropThrough(oldest);
        }
    }

    void finished(TransactionState state, boolean wrote) {
        running.remove(state);
        if (wrote && commits.incrementAndGet() % config.horizonRefreshCommits() == 0) {
            refreshHorizon();
            vacuumIncrementally();
        }
    }

    /** The memtable's share of the memory budget. */
    long memtableBudget() {
        return config.memoryBudget() / 2;
    }

    /** The last failure of background maintenance, cleared by a successful round (for tests). */
    RuntimeException maintenanceFailure() {
        return maintenance == null ? null : maintenance.failure();
    }

    /** The current sorted files, registered as read; null for a volatile store. */
    FileSet acquireFiles() {
        return tier == null ? null : tier.acquire();
    }

    DiskTier tier() {
        return tier;
    }

    /** Runs a flush (checkpoint) now, on the caller's thread (tests). */
    void flushNow() {
        maintenance.flushNow();
    }

    /** Runs a full compaction now, on the caller's thread (tests). */
    void compactNow() {
        maintenance.compactNow(true);
    }

    /** Runs a size-tiered compaction now, on the caller's thread (tests). */
    void compactTieredNow() {
        maintenance.compactNow(false);
    }

    /** Slows a writer while the flush cannot keep up (see {@link StoreMaintenance#throttle}). */
    void throttle() {
        if (maintenance != null) {
            maintenance.throttle();
        }
    }

    /** Waits until every commit with a timestamp below {@code timestamp} is published. */
    void awaitCommitsBefore(long timestamp) {
        while (committer.stableTimestamp(running) < timestamp - 1) {
            LockSupport.parkNanos(20_000);
        }
    }

    /** Recovery of a DESTROY_RANGE record after the checkpoint. */
    void replayDestroyRange(LogRecord.DestroyRange destroy) {
        synchronized (tier.installLock()) {
            tier.dropLocked(new DroppedRange(destroy.fromInclusive(), destroy.toExclusive(), destroy.timestamp()));
        }
        versions.destroyRange(destroy.fromInclusive(), destroy.toExclusive());
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }

    void checkOpen() {
        if (closed) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "the store is closed");
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

    /** Recomputes the horizon: the oldest snapshot of a running transaction or an open pin. */
    void refreshHorizon() {
        long floor = committer.clock().current();
        for (TransactionState state : running) {
            long snapshot = state.snapshot;
            if (snapshot == TransactionState.SNAPSHOT_PENDING) {
                return;
            }
            floor = Math.min(floor, snapshot);
        }
        for (PinnedSnapshot pin : pins) {
            long pinned = pin.pinned();
            if (pinned == TransactionState.SNAPSHOT_PENDING) {
                return;
            }
            floor = Math.min(floor, pinned);
        }
        if (floor > horizon) {
            horizon = floor;
        }
    }
}
