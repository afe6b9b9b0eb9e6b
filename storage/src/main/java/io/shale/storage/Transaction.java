package io.shale.storage;

/**
 * A transaction over a {@link KeyValueStore}, with PostgreSQL's semantics: reads see the current
 * snapshot plus the transaction's own writes; a write locks its key until the end of the
 * transaction; a write to a key that a concurrent transaction holds waits for it.
 *
 * <p>Used by one thread at a time. Waits end with {@link io.shale.common.error.ShaleException}
 * 55P03 (lock_timeout or NOWAIT), 40P01 (deadlock) or 57014 (the waiting thread was interrupted:
 * cancel and statement_timeout interrupt it).
 */
public interface Transaction {

    /** A unique id of this transaction, stable for its life (pg_stat_activity, diagnostics). */
    long id();

    /** Takes a new snapshot: the next statement under READ COMMITTED. No-op under REPEATABLE READ. */
    void newSnapshot();

    /** The value of {@code key} in the snapshot (own writes included), or null. */
    byte[] get(byte[] key);

    /**
     * The keys in {@code [fromInclusive, toExclusive)} in the snapshot, ascending or descending; a
     * null bound is open. The cursor sees the own writes made before it was opened, not those made
     * while it runs (a statement does not see its own changes). Robust against concurrent writes.
     */
    KeyCursor scan(byte[] fromInclusive, byte[] toExclusive, boolean descending);

    /**
     * Locks a row that the snapshot showed, for UPDATE, DELETE or SELECT … FOR …, and returns its
     * newest committed value (or this transaction's own), waiting for a concurrent writer first.
     * Waits end as described on this interface. When the row turns out deleted, no lock is kept.
     *
     * @return the newest value, or null when the row has been deleted by a committed transaction
     * @throws io.shale.common.error.ShaleException 40001 under REPEATABLE READ when a transaction
     *     that committed after the snapshot changed or deleted the row; 55P03 with
     *     {@link WaitPolicy#NOWAIT}
     * @return {@link #SKIPPED} with {@link WaitPolicy#SKIP_LOCKED} when another holds the lock
     */
    byte[] lock(byte[] key, LockStrength strength, WaitPolicy waitPolicy);

    /**
     * Writes a key that need not be new (an update of a row the transaction locked, or a
     * non-unique index entry). Locks the key as {@link LockStrength#FOR_UPDATE}, unless the
     * transaction already holds {@link LockStrength#FOR_NO_KEY_UPDATE} on it (a non-key update,
     * which must not block foreign-key checks holding {@link LockStrength#FOR_KEY_SHARE}). Under
     * REPEATABLE READ, fails with 40001 like {@link #lock}. The store keeps {@code value}: do not
     * modify it afterwards.
     */
    void put(byte[] key, byte[] value);

    /**
     * Writes a key that must not exist: the store enforces uniqueness. When a concurrent
     * uncommitted transaction wrote the key, waits for it to end.
     *
     * @return false, writing nothing, when the key exists in the newest committed state or in
     *     this transaction's own writes (also under REPEATABLE READ when the key was committed
     *     after the snapshot: the engine reports 23505, as PostgreSQL does)
     */
    boolean insert(byte[] key, byte[] value);

    /**
     * Deletes a key (a tombstone in this transaction). Locks it as FOR_UPDATE; under REPEATABLE
     * READ, fails with 40001 like {@link #lock}. Deleting an absent key writes and locks nothing.
     */
    void delete(byte[] key);

    /** Marks a point to roll back to; returns its handle (unknown handles fail with 25000). */
    int savepoint();

    /** Undoes the writes since the savepoint, and releases the locks taken since; keeps it. */
    void rollbackTo(int savepoint);

    /** Forgets a savepoint (and those after it), keeping its writes. */
    void release(int savepoint);

    /**
     * PREPARE TRANSACTION: makes the writes and locks durable under {@code gid} and detaches them
     * from this object, which is then finished; they stay invisible, and the locks held, until
     * {@link KeyValueStore#commitPrepared} or {@link KeyValueStore#rollbackPrepared}, across
     * restarts.
     *
     * @throws io.shale.common.error.ShaleException 42710 {@code transaction identifier "…" is
     *     already in use} (the transaction is then rolled back)
     */
    void prepare(String gid, String owner, String database);

    /** Makes the writes visible to later snapshots and releases the locks. */
    void commit();

    /** Discards the writes and releases the locks. Idempotent; safe after a failed commit. */
    void rollback();

    /** Whether commit or rollback has run. */
    boolean isFinished();

    /** Returned by {@link #lock} when {@link WaitPolicy#SKIP_LOCKED} skipped the row. */
    byte[] SKIPPED = new byte[0];
}
