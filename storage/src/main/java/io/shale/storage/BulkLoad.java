package io.shale.storage;

/**
 * A load of keys in ascending order into a key range that nothing reads or writes until the load is finished (the
 * storage a shard move reserved on its target): nothing is logged key by key, and the keys become visible all at once,
 * durably, when {@link #finish()} returns. {@link #close()} without {@link #finish()} discards what was added. Used by
 * one thread at a time.
 */
public interface BulkLoad extends AutoCloseable {

    /**
     * Adds a key with its value (not null). Keys come in ascending order (unsigned bytes), each once, inside the range
     * the load was opened for; the arrays are not kept.
     */
    void add(byte[] key, byte[] value);

    /** Makes the keys added visible and durable, all at once. */
    void finish();

    /** Discards what was added unless {@link #finish()} returned; idempotent. */
    @Override
    void close();
}
