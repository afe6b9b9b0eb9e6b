package io.shale.storage.sstable;

/**
 * A forward-only cursor over entries in (key, timestamp descending) order — keys ascending or
 * descending, but the versions of one key always newest first. Call {@link #next()} before the
 * first entry; the accessors describe the current entry. Not thread-safe: one reader at a time.
 * The arrays returned are shared and stay valid after {@code next()}: never modify them.
 */
public interface EntryIterator {

    /** Moves to the next entry; false at the end. */
    boolean next();

    byte[] key();

    long timestamp();

    /** The value of the current entry, or {@code null} for a tombstone. */
    byte[] value();
}
