package io.shale.storage.memory;

import io.shale.storage.ForwardingKeyValueStore;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyValueStore;
import io.shale.storage.lsm.LsmConfig;
import io.shale.storage.lsm.LsmKeyValueStore;

import java.util.Objects;

/**
 * The in-memory {@link KeyValueStore}: the store of {@link LsmKeyValueStore} with no files, so
 * the same transactions, locks, prepared transactions and snapshots, and nothing durable.
 * Thread-safe; reads take no lock.
 */
public final class MemoryKeyValueStore extends ForwardingKeyValueStore {
    private final LsmKeyValueStore store;

    /** A store with its own clock. */
    public MemoryKeyValueStore(MemoryStoreConfig config) {
        this(config, new HybridLogicalClock());
    }

    /** A store that takes timestamps from the node's clock. */
    public MemoryKeyValueStore(MemoryStoreConfig config, HybridLogicalClock clock) {
        this(LsmKeyValueStore.openVolatile(LsmConfig.defaults()
                .withPruning(Objects.requireNonNull(config, "config").horizonRefreshCommits(), config.vacuumBatch()), clock));
    }

    private MemoryKeyValueStore(LsmKeyValueStore store) {
        super(store);
        this.store = store;
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
}
