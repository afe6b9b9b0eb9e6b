package io.shale.storage.memory;

/**
 * Settings of a {@link MemoryKeyValueStore}.
 *
 * @param horizonRefreshCommits how many commits pass between two recomputations of the pruning
 *     horizon (the oldest snapshot still running); versions below it are dropped when their key
 *     is written, or by {@link MemoryKeyValueStore#vacuum()}
 * @param vacuumBatch how many keys the commit that recomputes the horizon also prunes, walking
 *     round the key space, so that keys nobody writes again get pruned too (0: only
 *     {@link MemoryKeyValueStore#vacuum()} does)
 */
public record MemoryStoreConfig(int horizonRefreshCommits, int vacuumBatch) {

    public MemoryStoreConfig {
        if (horizonRefreshCommits < 1) {
            throw new IllegalArgumentException("horizonRefreshCommits must be positive");
        }
        if (vacuumBatch < 0) {
            throw new IllegalArgumentException("vacuumBatch must not be negative");
        }
    }

    public static MemoryStoreConfig defaults() {
        return new MemoryStoreConfig(32, 256);
    }
}
