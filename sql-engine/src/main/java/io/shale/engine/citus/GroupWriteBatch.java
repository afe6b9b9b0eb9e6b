package io.shale.engine.citus;

import java.nio.ByteBuffer;

/**
 * The changes of several relations that a source sends to a move's target in one go ({@link ShardStreams}'s
 * GROUP_CHANGES): each key's storage-id prefix replaced by its relation's new one, the keys of every relation gathered
 * into the same WRITE requests of about {@code batchBytes}, so that a small round costs the target one local commit.
 * Used by one thread.
 */
final class GroupWriteBatch {
    private final TransferBatch.Pusher pusher;
    private final int target;
    private final int batchBytes;
    private ByteBuffer body = ByteBuffer.allocate(1 << 14);
    private int count;
    /** Entries and bytes added so far. */
    long rows;
    long total;

    GroupWriteBatch(TransferBatch.Pusher pusher, int target, int batchBytes) {
        this.pusher = pusher;
        this.target = target;
        this.batchBytes = batchBytes;
    }

    /**
     * Adds {@code key} with its first 8 bytes replaced by {@code storageId} (the relation's new one), with its value,
     * null for a deletion; pushes the requests once full.
     */
    void add(long storageId, byte[] key, byte[] value) {
        int valueLength = value == null ? 0 : value.length;
        reserve(8 + key.length + valueLength);
        TransferBatch.putEntry(body, storageId, key, value);
        count++;
        rows++;
        total += key.length + valueLength + 8;
        if (body.position() >= batchBytes) {
            flush();
        }
    }

    /** Pushes what was added since the last push. */
    void flush() {
        if (count == 0) {
            return;
        }
        body.flip();
        ByteBuffer request = ByteBuffer.allocate(5 + body.remaining());
        request.put(ShardTransferCodec.WRITE).putInt(count).put(body);
        body.clear();
        count = 0;
        pusher.await(target, pusher.send(target, request.array()));
    }

    private void reserve(int bytes) {
        if (body.remaining() < bytes) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(body.capacity() * 2, body.position() + bytes));
            body.flip();
            body = larger.put(body);
        }
    }
}
