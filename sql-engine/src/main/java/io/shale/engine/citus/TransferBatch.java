package io.shale.engine.citus;

import io.shale.engine.exec.KeyBytes;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a source sends to a move's target ({@link ShardStreams}): each key's storage-id prefix rewritten to the
 * target's, gathered into WRITE requests of about {@code batchBytes} and pushed as they fill. Used by one thread.
 */
final class TransferBatch {
    /** Sends a WRITE request to the node of a group. */
    interface Pusher {
        void push(int groupId, byte[] request);
    }

    private final Pusher pusher;
    private final int target;
    private final byte[] prefix;
    private final int batchBytes;
    private final List<byte[]> keys = new ArrayList<>();
    private final List<byte[]> values = new ArrayList<>();
    private int bytes;
    /** Entries and bytes added so far. */
    long rows;
    long total;

    TransferBatch(Pusher pusher, int target, long newStorageId, int batchBytes) {
        this.pusher = pusher;
        this.target = target;
        this.prefix = KeyBytes.ofLong(newStorageId).toArray();
        this.batchBytes = batchBytes;
    }

    /** Adds a key (its prefix rewritten) with its value, null for a deletion; pushes the batch once full. */
    void add(byte[] key, byte[] value) {
        byte[] k = key.clone();
        System.arraycopy(prefix, 0, k, 0, 8);
        keys.add(k);
        values.add(value);
        int size = k.length + (value == null ? 0 : value.length) + 8;
        bytes += size;
        total += size;
        rows++;
        if (bytes >= batchBytes) {
            flush();
        }
    }

    /** Pushes what was added since the last push. */
    void flush() {
        if (keys.isEmpty()) {
            return;
        }
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + bytes);
        out.put(ShardTransferCodec.WRITE).putInt(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            ShardTransferCodec.putBytes(out, keys.get(i));
            byte[] v = values.get(i);
            if (v == null) {
                out.putInt(-1);
            } else {
                out.putInt(v.length).put(v);
            }
        }
        keys.clear();
        values.clear();
        bytes = 0;
        pusher.push(target, out.array());
    }
}
