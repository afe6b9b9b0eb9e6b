package io.shale.storage;

/**
 * A pinned point in a store's history, for copying a key range while writes go on (online shard
 * moves): a scan of the range exactly as it was at {@link #timestamp()}, and the stream of
 * changes committed after it. While the snapshot is open, pruning, compaction and log recycling
 * keep every version the scan or the stream still needs. Used by one thread at a time.
 */
public interface StoreSnapshot extends AutoCloseable {

    /** The commit timestamp the snapshot sees up to (inclusive). */
    long timestamp();

    /** The keys of {@code [fromInclusive, toExclusive)} as of {@link #timestamp()}, ascending. */
    KeyCursor scan(byte[] fromInclusive, byte[] toExclusive);

    /**
     * The changes committed in {@code (afterTimestamp, untilTimestamp]} to keys of the range, in
     * commit-timestamp order (keys in ascending order within one commit). Applying them in order
     * to a copy of the range at {@code afterTimestamp} gives the range at {@code untilTimestamp}.
     * {@code afterTimestamp} must not be older than the pin; {@code untilTimestamp} must not be
     * newer than {@link KeyValueStore#stableTimestamp()}.
     */
    ChangeCursor changes(byte[] fromInclusive, byte[] toExclusive, long afterTimestamp,
                         long untilTimestamp);

    /** Moves the pin forward to {@code timestamp}: history before it may now be dropped. */
    void advance(long timestamp);

    @Override
    void close();
}
