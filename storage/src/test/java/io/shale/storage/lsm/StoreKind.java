package io.shale.storage.lsm;

import io.shale.storage.HybridLogicalClock;
import io.shale.storage.file.MemoryFiles;

/** The stores the shared test cases run against. */
enum StoreKind {
    /** No files: what {@code MemoryKeyValueStore} wraps. */
    VOLATILE,
    /** A write-ahead log (synced, group-committed) on memory files. */
    LOGGED;

    LsmKeyValueStore open(int horizonRefreshCommits, int vacuumBatch) {
        LsmConfig config = LsmConfig.defaults().withPruning(horizonRefreshCommits, vacuumBatch);
        return switch (this) {
            case VOLATILE -> LsmKeyValueStore.openVolatile(config, new HybridLogicalClock());
            case LOGGED -> LsmKeyValueStore.open(new MemoryFiles(), config, new HybridLogicalClock());
        };
    }

    /** Kills a logged store and opens its files again. */
    LsmKeyValueStore reopenAfterCrash(LsmKeyValueStore store) {
        store.simulateCrash();
        return LsmKeyValueStore.open(store.tier().storage, store.config(), new HybridLogicalClock());
    }
}
