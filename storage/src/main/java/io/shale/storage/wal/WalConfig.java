package io.shale.storage.wal;

/**
 * Settings of a {@link WriteAheadLog}.
 *
 * @param segmentSize the size at which the log moves on to a new segment file (a segment may
 *     pass it by one record: records never span segments, and a record larger than this gets a
 *     segment of its own)
 * @param fsync whether {@link WriteAheadLog#awaitDurable} syncs the files (the default); off only
 *     for tests and benchmarks, where a power cut may then lose or corrupt acknowledged commits
 */
public record WalConfig(long segmentSize, boolean fsync) {

    /** 16 MB, PostgreSQL's default WAL segment size. */
    public static final long DEFAULT_SEGMENT_SIZE = 16L << 20;

    public WalConfig {
        if (segmentSize < 4096) {
            throw new IllegalArgumentException("segmentSize must be at least 4096 bytes");
        }
    }

    public static WalConfig defaults() {
        return new WalConfig(DEFAULT_SEGMENT_SIZE, true);
    }
}
