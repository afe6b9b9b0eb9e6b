package io.shale.engine.citus;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.BulkLoad;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A relation that a shard move copies into this node ({@link ShardStreams}): each LOAD request hands its batch over
 * and is answered at once (the source sends the next one only then, so batches queue in order), and a thread of the
 * load's own adds them to the store's {@link BulkLoad} while the next batch travels. The last request waits until the
 * load is finished. A failure of the load fails the next request. Thread-safe.
 */
final class IncomingLoad {
    /** Batches waiting for the load's thread; a request waits while this many are. */
    private static final int QUEUED = 4;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final BulkLoad load;
    private final Object owner;
    private final AtomicLong lastUse = new AtomicLong(System.nanoTime());
    private final BlockingQueue<ByteBuffer> queue = new ArrayBlockingQueue<>(QUEUED);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread worker;
    private volatile boolean abandoned;

    IncomingLoad(BulkLoad load, Object owner) {
        this.load = load;
        this.owner = owner;
        this.worker = Thread.ofVirtual().name("shard-load").start(this::run);
    }

    /** The node that sends the relation (null: this node). */
    Object owner() {
        return owner;
    }

    /** When a request last came. */
    long lastUse() {
        return lastUse.get();
    }

    /**
     * Queues a batch ({@code entries}: count i32 · (key · value) × count); with {@code last}, waits until every batch
     * is loaded and the load finished.
     */
    void accept(ByteBuffer entries, boolean last) {
        lastUse.set(System.nanoTime());
        enqueue(entries);
        if (last) {
            enqueue(END);
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
            } catch (ExecutionException e) {
                throw failure(e.getCause());
            }
        }
    }

    /** Stops the load's thread and discards what it loaded. */
    void abandon() {
        abandoned = true;
        worker.interrupt();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(ByteBuffer batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (done.isDone()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
        if (done.isCompletedExceptionally()) {
            try {
                done.join();
            } catch (RuntimeException e) {
                throw failure(e.getCause());
            }
        }
    }

    private void run() {
        try {
            while (!abandoned) {
                ByteBuffer batch = queue.take();
                if (batch == END) {
                    load.finish();
                    done.complete(null);
                    return;
                }
                int count = batch.getInt();
                for (int i = 0; i < count; i++) {
                    byte[] key = ShardTransferCodec.bytes(batch);
                    load.add(key, ShardTransferCodec.bytes(batch));
                }
            }
            done.completeExceptionally(abandonedError());
        } catch (InterruptedException e) {
            done.completeExceptionally(abandonedError());
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        } finally {
            load.close();
        }
    }

    private static ShaleException abandonedError() {
        return new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                "the copy of the shard move was abandoned on the target node");
    }

    private static RuntimeException failure(Throwable cause) {
        return cause instanceof RuntimeException r ? r
                : new ShaleException(ErrorCode.INTERNAL_ERROR, "the copy of the shard move failed on the target node");
    }
}
