package io.shale.storage.memory;

/**
 * Settings of a {@link MemoryKeyValueStore}.
 *
 * @param horizonRefreshCommits how many commits pass between two recomputations of the pruning
 *     horizon (the oldest snapshot still running); versions below it are dropped when their key
 *     is written, or by {@link MemoryKeyValueStore#vacuum()}
 */
public record MemoryStoreConfig(int horizonRefreshCommits) {

    public MemoryStoreConfig {
        if (horizonRefreshCommits < 1) {
            throw new IllegalArgumentException("horizonRefreshCommits must be positive");
        }
    }

    public static MemoryStoreConfig defaults() {
        return new MemoryStoreConfig(32);
    }
}
