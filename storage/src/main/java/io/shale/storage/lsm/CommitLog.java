package io.shale.storage.lsm;

/**
 * Where the store makes its records durable: the write-ahead log, seen through the few calls the
 * commit path needs. Appends are ordered by the caller ({@link Committer} holds one lock around
 * taking a timestamp and appending, so log order is commit-timestamp order).
 */
interface CommitLog extends AutoCloseable {

    /** The LSN the next append starts at. */
    long endLsn();

    /** Appends a record; returns its end LSN. Cheap: no I/O unless a buffer fills. */
    long append(byte type, byte[] payload);

    /** Returns once every record up to {@code lsn} is durable (group commit). */
    void awaitDurable(long lsn);

    /** The LSN up to which records are durable. */
    long durableLsn();

    /** Deletes log segments that end at or before {@code lsn}. */
    void recycleBefore(long lsn);

    /**
     * Stops the log as a kill would: later calls fail, a write under way finishes, nothing more is
     * written or synced; when it returns the log's files are no longer touched.
     */
    void halt();

    @Override
    void close();
}
