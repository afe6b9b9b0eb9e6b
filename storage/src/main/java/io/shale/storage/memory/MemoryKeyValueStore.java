package io.shale.storage.memory;

import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyValueStore;
import io.shale.storage.PreparedTransaction;
import io.shale.storage.StoreSnapshot;
import io.shale.storage.StoreStatistics;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.lsm.LsmConfig;
import io.shale.storage.lsm.LsmKeyValueStore;

import java.util.List;
import java.util.Objects;

/**
 * The in-memory {@link KeyValueStore}: the store of {@link LsmKeyValueStore} with no files, so
 * the same transactions, locks, prepared transactions and snapshots, and nothing durable.
 * Thread-safe; reads take no lock.
 */
public final class MemoryKeyValueStore implements KeyValueStore {
    private final LsmKeyValueStore store;

    /** A store with its own clock. */
    public MemoryKeyValueStore(MemoryStoreConfig config) {
        this(config, new HybridLogicalClock());
    }

    /** A store that takes timestamps from the node's clock. */
    public MemoryKeyValueStore(MemoryStoreConfig config, HybridLogicalClock clock) {
        Objects.requireNonNull(config, "config");
        this.store = LsmKeyValueStore.openVolatile(
                LsmConfig.defaults().withPruning(config.horizonRefreshCommits(), config.vacuumBatch()), clock);
    }

    @Override
    public Transaction begin(TransactionOptions options) {
        return store.begin(options);
    }

    @Override
    public void destroyRange(byte[] fromInclusive, byte[] toExclusive) {
        store.destroyRange(fromInclusive, toExclusive);
    }

    @Override
    public long approximateSize(byte[] fromInclusive, byte[] toExclusive) {
        return store.approximateSize(fromInclusive, toExclusive);
    }

    @Override
    public void commitPrepared(String gid) {
        store.commitPrepared(gid);
    }

    @Override
    public void rollbackPrepared(String gid) {
        store.rollbackPrepared(gid);
    }

    @Override
    public List<PreparedTransaction> preparedTransactions() {
        return store.preparedTransactions();
    }

    @Override
    public StoreSnapshot openSnapshot() {
        return store.openSnapshot();
    }

    @Override
    public long stableTimestamp() {
        return store.stableTimestamp();
    }

    @Override
    public void vacuum() {
        store.vacuum();
    }

    @Override
    public StoreStatistics statistics() {
        return store.statistics();
    }

    /**
     * Drops every version that no running or future snapshot can see; returns the number of keys
     * removed entirely (deleted keys whose deletion everyone sees).
     */
    public int pruneNow() {
        return store.pruneNow();
    }

    /** The clock that stamps this store's snapshots and commits. */
    public HybridLogicalClock clock() {
        return store.clock();
    }

    @Override
    public void close() {
        store.close();
    }
}
