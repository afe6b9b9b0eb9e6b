package io.shale.storage;

/**
 * A node's transactional, multi-version store of ordered byte keys. It knows nothing of SQL:
 * the engine encodes rows and index entries into keys and values (see {@code README.md} of this
 * module for the layout the engine uses). Keys compare as unsigned bytes.
 *
 * <p>Thread-safe. One instance per node.
 */
public interface KeyValueStore extends AutoCloseable {

    /** Starts a transaction. Its first snapshot is taken now. */
    Transaction begin(TransactionOptions options);

    /**
     * Removes every version of every key in {@code [fromInclusive, toExclusive)} at once, outside
     * any transaction: used when a dropped or truncated table's old key range is no longer visible
     * to anyone.
     */
    void destroyRange(byte[] fromInclusive, byte[] toExclusive);

    /** Approximate bytes held by keys in the range, cheaply (for pg_relation_size). */
    long approximateSize(byte[] fromInclusive, byte[] toExclusive);

    /** The ids of transactions running now, and the lock waits between them (for diagnostics). */
    StoreStatistics statistics();

    @Override
    void close();
}
