package io.shale.storage;

import java.time.Duration;
import java.util.Arrays;

/**
 * The {@link BulkLoad} of a store without sorted files: the keys are written in transactions of about
 * {@link #BATCH_BYTES} each, committed asynchronously but for the last, whose durable commit covers the earlier ones
 * (the log keeps commit order). Nothing reads the range before {@link #finish()}, so the batches need not be one
 * transaction; {@link #close()} before it destroys the range.
 */
final class TransactionalBulkLoad implements BulkLoad {
    static final long BATCH_BYTES = 4L << 20;

    private final KeyValueStore store;
    private final byte[] from;
    private final byte[] to;
    private Transaction batch;
    private long batchBytes;
    private boolean finished;
    private boolean closed;

    TransactionalBulkLoad(KeyValueStore store, byte[] fromInclusive, byte[] toExclusive) {
        this.store = store;
        this.from = fromInclusive.clone();
        this.to = toExclusive.clone();
    }

    @Override
    public void add(byte[] key, byte[] value) {
        if (finished || closed) {
            throw new IllegalStateException("the bulk load has ended");
        }
        if (Arrays.compareUnsigned(key, from) < 0 || Arrays.compareUnsigned(key, to) >= 0) {
            throw new IllegalArgumentException("a bulk-loaded key lies outside the load's range");
        }
        if (batch == null) {
            batch = store.begin(new TransactionOptions(TransactionOptions.IsolationLevel.READ_COMMITTED, false,
                    Duration.ZERO, Duration.ofSeconds(1), false));
        }
        batch.put(key.clone(), value.clone());
        batchBytes += key.length + value.length;
        if (batchBytes >= BATCH_BYTES) {
            batch.commit();
            batch = null;
            batchBytes = 0;
        }
    }

    @Override
    public void finish() {
        if (closed || finished) {
            throw new IllegalStateException("the bulk load has ended");
        }
        Transaction last = batch != null ? batch : store.begin(TransactionOptions.defaults());
        batch = null;
        try {
            last.commit();
        } finally {
            last.rollback();
        }
        finished = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (batch != null) {
            batch.rollback();
            batch = null;
        }
        if (!finished) {
            store.destroyRange(from, to);
        }
    }
}
