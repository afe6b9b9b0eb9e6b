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

    /**
     * Opens a {@link BulkLoad} into {@code [fromInclusive, toExclusive)}, a range that nothing reads or writes until
     * the load is finished (and that holds nothing yet). This default writes through transactions; a store with
     * sorted files writes one straight from the keys.
     */
    default BulkLoad bulkLoad(byte[] fromInclusive, byte[] toExclusive) {
        return new TransactionalBulkLoad(this, fromInclusive, toExclusive);
    }

    /** Approximate bytes held by keys in the range, cheaply (for pg_relation_size). */
    long approximateSize(byte[] fromInclusive, byte[] toExclusive);

    /**
     * Commits a prepared transaction (COMMIT PREPARED), durably.
     *
     * @throws io.shale.common.error.ShaleException 42704 {@code prepared transaction with
     *     identifier "…" does not exist}
     */
    void commitPrepared(String gid);

    /** Rolls a prepared transaction back (ROLLBACK PREPARED); 42704 as {@link #commitPrepared}. */
    void rollbackPrepared(String gid);

    /** The prepared transactions, oldest first (pg_prepared_xacts). */
    java.util.List<PreparedTransaction> preparedTransactions();

    /**
     * Pins the current point in history: a consistent scan of any range at it, and the changes
     * after it, stay available until the snapshot is closed.
     */
    StoreSnapshot openSnapshot();

    /**
     * A timestamp at or below which every commit is complete and visible: no transaction will
     * later become visible with an older commit timestamp. Bounds {@link StoreSnapshot#changes}.
     */
    long stableTimestamp();

    /**
     * The end of the write-ahead log now (an LSN, printed {@code X/Y} by {@code Lsn.format}): a change-stream
     * position for monitoring (shard moves); 0 for a store without a log.
     */
    default long logPosition() {
        return 0;
    }

    /**
     * VACUUM: drops now the versions no running snapshot can see and asks compaction to reclaim
     * their space.
     */
    void vacuum();

    /** The ids of transactions running now, and the lock waits between them (for diagnostics). */
    StoreStatistics statistics();

    @Override
    void close();
}
