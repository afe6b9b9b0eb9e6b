package io.shale.engine.citus;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The keys a source sends to a move's target ({@link ShardStreams}), each key's storage-id prefix rewritten to the
 * target's, encoded as they come into requests of about {@code batchBytes} pushed as they fill: WRITE requests (one
 * local transaction each on the target) for changes, LOAD requests (the target's bulk load of the relation, finished
 * by the last one) for a copy. One request is in flight while the next one fills; the next is sent only once the
 * target answered, so the target receives them in order. Used by one thread.
 */
final class TransferBatch {
    /** Sends requests to the node of a group. */
    interface Pusher {
        /** Sends {@code request}; the answer comes later. */
        CompletableFuture<byte[]> send(int groupId, byte[] request);

        /** Waits for the answer of a request sent to the node of {@code groupId}, its failure as a ShaleException. */
        byte[] await(int groupId, CompletableFuture<byte[]> answer);
    }

    private final Pusher pusher;
    private final int target;
    private final long newStorageId;
    private final boolean load;
    private final int batchBytes;
    private final int header;
    private ByteBuffer out;
    private int count;
    private CompletableFuture<byte[]> inFlight;
    /** Entries and bytes added so far. */
    long rows;
    long total;

    private TransferBatch(Pusher pusher, int target, long newStorageId, int batchBytes, boolean load) {
        this.pusher = pusher;
        this.target = target;
        this.newStorageId = newStorageId;
        this.load = load;
        this.batchBytes = batchBytes;
        this.header = load ? 1 + 8 + 1 + 4 : 1 + 4;
        this.out = ByteBuffer.allocate(header + batchBytes + batchBytes / 4);
        out.position(header);
    }

    /** A batch of changes: puts and deletions, written on the target in local transactions. */
    static TransferBatch changes(Pusher pusher, int target, long newStorageId, int batchBytes) {
        return new TransferBatch(pusher, target, newStorageId, batchBytes, false);
    }

    /** A copy, in key order, into the target's bulk load of the relation; {@link #finish} ends it. */
    static TransferBatch copy(Pusher pusher, int target, long newStorageId, int batchBytes) {
        return new TransferBatch(pusher, target, newStorageId, batchBytes, true);
    }

    /** Adds a key (its prefix rewritten) with its value, null for a deletion; pushes the batch once full. */
    void add(byte[] key, byte[] value) {
        int size = key.length + (value == null ? 0 : value.length) + 8;
        if (out.remaining() < size) {
            out = ByteBuffer.wrap(Arrays.copyOf(out.array(), out.position() + size + batchBytes / 4))
                    .position(out.position());
        }
        putEntry(out, newStorageId, key, value);
        count++;
        total += size;
        rows++;
        if (out.position() - header >= batchBytes) {
            push(false);
        }
    }

    /**
     * Encodes one entry as WRITE and LOAD carry it: the key with its 8-byte storage-id prefix replaced by
     * {@code storageId}, then the value (length -1: a deletion).
     */
    static void putEntry(ByteBuffer out, long storageId, byte[] key, byte[] value) {
        out.putInt(key.length).putLong(storageId).put(key, 8, key.length - 8);
        if (value == null) {
            out.putInt(-1);
        } else {
            out.putInt(value.length).put(value);
        }
    }

    /** Pushes what was added since the last push (the copy goes on) and waits for the target's answers. */
    void flush() {
        if (count > 0) {
            push(false);
        }
        awaitInFlight();
    }

    /** Pushes the rest of a copy and waits until the target finished its load: the relation is copied whole. */
    void finish() {
        push(true);
        awaitInFlight();
    }

    private void awaitInFlight() {
        if (inFlight != null) {
            CompletableFuture<byte[]> answer = inFlight;
            inFlight = null;
            pusher.await(target, answer);
        }
    }

    private void push(boolean last) {
        byte[] request = Arrays.copyOf(out.array(), out.position());
        ByteBuffer head = ByteBuffer.wrap(request);
        if (load) {
            head.put(ShardTransferCodec.LOAD).putLong(newStorageId).put((byte) (last ? 1 : 0)).putInt(count);
        } else {
            head.put(ShardTransferCodec.WRITE).putInt(count);
        }
        out.position(header);
        count = 0;
        awaitInFlight();
        inFlight = pusher.send(target, request);
    }
}
