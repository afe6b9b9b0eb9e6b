package io.shale.engine;

import io.shale.engine.exec.KeyBytes;
import io.shale.storage.KeyCursor;
import io.shale.storage.Transaction;

import java.util.ArrayList;
import java.util.List;

/**
 * The engine's own keys in the store, under storage id 0 (user tables and indexes get ids from 1).
 *
 * <pre>
 *   0 (8 bytes) · 0x01 · catalog version (8 bytes)  → CatalogCodec bytes of that catalog
 *   0 (8 bytes) · 0x02 · sequence oid (4 bytes)     → SequenceValues' logged state
 *   0 (8 bytes) · 0x03 · group id · gid             → pg_dist_transaction (distributed.DistributedTransactionRecords)
 *   0 (8 bytes) · 0x04 · 0x01 / 0x02 · id (8 bytes) → background jobs / tasks (jobs.JobRecords)
 * </pre>
 *
 * All integers big-endian, so keys sort by version and by oid.
 */
final class SystemKeys {
    static final long SYSTEM_STORAGE_ID = 0;
    private static final byte CATALOG = 1;
    private static final byte SEQUENCE = 2;

    private SystemKeys() {
    }

    static byte[] catalog(long version) {
        return KeyBytes.ofLong(SYSTEM_STORAGE_ID).append(CATALOG).appendLong(version).toArray();
    }

    static byte[] catalogsStart() {
        return KeyBytes.ofLong(SYSTEM_STORAGE_ID).append(CATALOG).toArray();
    }

    static byte[] catalogsEnd() {
        return KeyBytes.ofLong(SYSTEM_STORAGE_ID).append((byte) (CATALOG + 1)).toArray();
    }

    static byte[] sequence(int oid) {
        return KeyBytes.ofLong(SYSTEM_STORAGE_ID).append(SEQUENCE).append(intBytes(oid)).toArray();
    }

    static byte[] sequencesEnd() {
        return KeyBytes.ofLong(SYSTEM_STORAGE_ID).append((byte) (SEQUENCE + 1)).toArray();
    }

    /** The oid of a {@link #sequence} key. */
    static int sequenceOid(byte[] key) {
        return (key[9] & 0xFF) << 24 | (key[10] & 0xFF) << 16 | (key[11] & 0xFF) << 8 | (key[12] & 0xFF);
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** Deletes, in {@code txn}, every key of {@code [from, to)} it sees. */
    static void deleteAll(Transaction txn, byte[] from, byte[] to) {
        List<byte[]> keys = new ArrayList<>();
        try (KeyCursor cursor = txn.scan(from, to, false)) {
            while (cursor.next()) {
                keys.add(cursor.key().clone());
            }
        }
        for (byte[] key : keys) {
            txn.delete(key);
        }
    }
}
