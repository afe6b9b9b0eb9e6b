package io.shale.storage.lsm;

/**
 * Settings of a {@link LsmKeyValueStore}.
 *
 * @param memoryBudget bytes the store may hold in memory: the memtable (version chains) and the
 *     block cache share it; the default is a quarter of the heap
 * @param fsync whether the log and the files are synced (PostgreSQL's {@code fsync}); off only
 *     for tests and benchmarks
 * @param walSegmentSize bytes of one WAL segment file
 * @param walSkipCorrupt {@code shale.wal_skip_corrupt}: recovery cuts the log at a corrupt record
 *     in the middle (losing what follows) instead of refusing to start
 * @param compaction whether background compaction merges sorted files
 * @param checkpointWalSize a checkpoint runs when this many bytes of WAL were written since the
 *     last one (PostgreSQL's {@code max_wal_size} in spirit), bounding recovery time
 * @param horizonRefreshCommits how many commits pass between two recomputations of the pruning
 *     horizon (the oldest snapshot still in use)
 * @param vacuumBatch how many keys the commit that recomputes the horizon also prunes, walking
 *     round the key space (0: only {@link LsmKeyValueStore#vacuum()} does)
 */
public record LsmConfig(long memoryBudget, boolean fsync, long walSegmentSize, boolean walSkipCorrupt,
                        boolean compaction, long checkpointWalSize, int horizonRefreshCommits,
                        int vacuumBatch) {

    private static final long MIB = 1L << 20;

    public LsmConfig {
        if (memoryBudget < MIB) {
            throw new IllegalArgumentException("memoryBudget must be at least 1 MiB");
        }
        if (walSegmentSize < 4096) {
            throw new IllegalArgumentException("walSegmentSize must be at least 4096 bytes");
        }
        if (checkpointWalSize < walSegmentSize) {
            throw new IllegalArgumentException("checkpointWalSize must be at least one segment");
        }
        if (horizonRefreshCommits < 1) {
            throw new IllegalArgumentException("horizonRefreshCommits must be positive");
        }
        if (vacuumBatch < 0) {
            throw new IllegalArgumentException("vacuumBatch must not be negative");
        }
    }

    /**
     * Defaults: a quarter of the heap, fsync on, 16 MiB segments, no skipping of corrupt
     * records, compaction on, a checkpoint every 256 MiB of WAL.
     */
    public static LsmConfig defaults() {
        long budget = Math.max(Runtime.getRuntime().maxMemory() / 4, 8 * MIB);
        return new LsmConfig(budget, true, 16 * MIB, false, true, 256 * MIB, 32, 256);
    }

    public LsmConfig withMemoryBudget(long bytes) {
        return new LsmConfig(bytes, fsync, walSegmentSize, walSkipCorrupt, compaction, checkpointWalSize,
                horizonRefreshCommits, vacuumBatch);
    }

    public LsmConfig withFsync(boolean on) {
        return new LsmConfig(memoryBudget, on, walSegmentSize, walSkipCorrupt, compaction, checkpointWalSize,
                horizonRefreshCommits, vacuumBatch);
    }

    public LsmConfig withWal(long segmentSize, long checkpointSize) {
        return new LsmConfig(memoryBudget, fsync, segmentSize, walSkipCorrupt, compaction, checkpointSize,
                horizonRefreshCommits, vacuumBatch);
    }

    public LsmConfig withWalSkipCorrupt(boolean on) {
        return new LsmConfig(memoryBudget, fsync, walSegmentSize, on, compaction, checkpointWalSize,
                horizonRefreshCommits, vacuumBatch);
    }

    public LsmConfig withCompaction(boolean on) {
        return new LsmConfig(memoryBudget, fsync, walSegmentSize, walSkipCorrupt, on, checkpointWalSize,
                horizonRefreshCommits, vacuumBatch);
    }

    public LsmConfig withPruning(int refreshCommits, int batch) {
        return new LsmConfig(memoryBudget, fsync, walSegmentSize, walSkipCorrupt, compaction, checkpointWalSize,
                refreshCommits, batch);
    }
}
