package io.shale.engine.distributed;

import io.shale.storage.KeyCursor;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * pg_dist_transaction: the commit records of two-phase commits this node coordinated, in the engine's own key range
 * (storage id 0, next to the catalog and sequence keys of {@code SystemKeys}).
 *
 * <pre>
 *   0 (8 bytes) · 0x03 · group id (4 bytes, big-endian, sign bit flipped) · gid (UTF-8)  →  outer transaction id (8 bytes)
 * </pre>
 *
 * A record is written in the coordinating transaction itself, so it exists exactly when that transaction committed;
 * recovery deletes it once no prepared transaction of that gid is left.
 */
public final class DistributedTransactionRecords {
    private static final byte PREFIX = 3;

    /** One row of pg_dist_transaction. */
    public record Record(int groupId, String gid, long outerTransactionId) {
    }

    private DistributedTransactionRecords() {
    }

    static byte[] key(int groupId, String gid) {
        byte[] text = gid.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(13 + text.length).putLong(0).put(PREFIX).putInt(groupId ^ Integer.MIN_VALUE)
                .put(text).array();
    }

    private static byte[] start() {
        return ByteBuffer.allocate(9).putLong(0).put(PREFIX).array();
    }

    private static byte[] end() {
        return ByteBuffer.allocate(9).putLong(0).put((byte) (PREFIX + 1)).array();
    }

    /** Adds a commit record to {@code txn} (the coordinating transaction). */
    public static void write(Transaction txn, int groupId, String gid, long outerTransactionId) {
        txn.put(key(groupId, gid), ByteBuffer.allocate(8).putLong(outerTransactionId).array());
    }

    /** The records {@code txn} sees, ordered by group and gid. */
    public static List<Record> read(Transaction txn) {
        List<Record> records = new ArrayList<>();
        try (KeyCursor cursor = txn.scan(start(), end(), false)) {
            while (cursor.next()) {
                byte[] key = cursor.key();
                int group = ByteBuffer.wrap(key, 9, 4).getInt() ^ Integer.MIN_VALUE;
                String gid = new String(key, 13, key.length - 13, StandardCharsets.UTF_8);
                byte[] value = cursor.value();
                long outer = value != null && value.length >= 8 ? ByteBuffer.wrap(value).getLong() : 0;
                records.add(new Record(group, gid, outer));
            }
        }
        return records;
    }

    /** The records committed now, read in a transaction of their own. */
    public static List<Record> read(KeyValueStore store) {
        Transaction txn = store.begin(TransactionOptions.defaults());
        try {
            return read(txn);
        } finally {
            txn.rollback();
        }
    }

    /** Deletes records durably, in a transaction of their own. */
    static void delete(KeyValueStore store, List<Record> records) {
        if (records.isEmpty()) {
            return;
        }
        Transaction txn = store.begin(TransactionOptions.defaults());
        try {
            for (Record r : records) {
                txn.delete(key(r.groupId(), r.gid()));
            }
            txn.commit();
        } finally {
            txn.rollback();
        }
    }
}
