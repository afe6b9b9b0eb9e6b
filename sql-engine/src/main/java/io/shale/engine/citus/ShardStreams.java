package io.shale.engine.citus;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.exec.KeyBytes;
import io.shale.storage.ChangeCursor;
import io.shale.storage.KeyCursor;
import io.shale.storage.KeyValueStore;
import io.shale.storage.StoreSnapshot;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A node's side of online shard moves ({@link ShardTransferCodec}): as a source it keeps store snapshots pinned for
 * the moves that opened them, copies a relation's key range as of the snapshot and the changes committed after it,
 * the keys' storage-id prefix rewritten to the target's, and pushes them in batches to the target node; as a target
 * it bulk-loads a copied relation ({@link IncomingLoad}, {@link KeyValueStore#bulkLoad}: no log, one sync when the
 * relation is whole) and
 * writes the changes in local transactions. A snapshot is closed, and a load abandoned, when the channel of the node
 * that opened it drops, or after 3 hours unused.
 * Thread-safe.
 */
final class ShardStreams {
    /**
     * Snapshots unused for longer than this are closed at the next request (longer than a move may wait for writers,
     * citus.logical_replication_timeout's default of 2 hours).
     */
    static final long IDLE_NANOS = 3L * 3600 * 1_000_000_000L;
    /** Bytes per batch pushed to the target. */
    static final int BATCH_BYTES = 256 << 10;

    /** An open snapshot, the node whose move opened it (null: this node), and when it was last used. */
    private record Pinned(StoreSnapshot snapshot, Object owner, AtomicLong lastUse) {
    }

    private final Supplier<KeyValueStore> store;
    private final StorageIds storageIds;
    private final TransferBatch.Pusher pusher;
    private final Map<Long, Pinned> snapshots = new ConcurrentHashMap<>();
    private final Map<Long, IncomingLoad> loads = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** What the node's catalog says of a storage id now. */
    interface StorageIds {
        /** Named by a cleanup record of policy 1: a running move's copy may be written there. */
        boolean reserved(long storageId);

        /** Named by a relation or a cleanup record: its keys must stay. */
        boolean used(long storageId);
    }

    ShardStreams(Supplier<KeyValueStore> store, StorageIds storageIds, TransferBatch.Pusher pusher) {
        this.store = store;
        this.storageIds = storageIds;
        this.pusher = pusher;
    }

    /** Answers one request of this node's own. */
    byte[] handle(byte[] payload) {
        return handle(payload, null);
    }

    /** Answers one request of {@code caller} (the calling node; null for this node). */
    byte[] handle(byte[] payload, Object caller) {
        closeIdle(IDLE_NANOS);
        ByteBuffer in = ByteBuffer.wrap(payload);
        byte op = in.get();
        return switch (op) {
            case ShardTransferCodec.OPEN -> open(caller);
            case ShardTransferCodec.STABLE -> stable();
            case ShardTransferCodec.COPY -> copy(in);
            case ShardTransferCodec.CHANGES -> changes(in);
            case ShardTransferCodec.CLOSE -> close(in.getLong());
            case ShardTransferCodec.WRITE -> write(in);
            case ShardTransferCodec.LOAD -> load(in, caller);
            case ShardTransferCodec.DROP -> drop(in);
            case ShardTransferCodec.GROUP_CHANGES -> groupChanges(in);
            default -> throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "malformed shard.transfer request");
        };
    }

    /**
     * Closes the snapshots and abandons the loads idle for longer than {@code idleNanos} (their move is gone), and the
     * loads into storage no longer reserved (their move ended and the range was freed without a DROP request).
     */
    void closeIdle(long idleNanos) {
        long now = System.nanoTime();
        for (Map.Entry<Long, Pinned> e : snapshots.entrySet()) {
            if (now - e.getValue().lastUse().get() > idleNanos && snapshots.remove(e.getKey(), e.getValue())) {
                synchronized (e.getValue()) {
                    e.getValue().snapshot().close();
                }
            }
        }
        for (Map.Entry<Long, IncomingLoad> e : loads.entrySet()) {
            if (now - e.getValue().lastUse() > idleNanos || !storageIds.reserved(e.getKey())) {
                abandon(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Closes the snapshots that moves run by {@code caller} opened and abandons the loads it sent (its channel to this
     * node closed).
     */
    void closeOpenedBy(Object caller) {
        for (Map.Entry<Long, Pinned> e : snapshots.entrySet()) {
            if (caller.equals(e.getValue().owner()) && snapshots.remove(e.getKey(), e.getValue())) {
                synchronized (e.getValue()) {
                    e.getValue().snapshot().close();
                }
            }
        }
        for (Map.Entry<Long, IncomingLoad> e : loads.entrySet()) {
            if (caller.equals(e.getValue().owner())) {
                abandon(e.getKey(), e.getValue());
            }
        }
    }

    /** The number of relations being loaded into this node now. */
    int openLoads() {
        return loads.size();
    }

    private void abandon(long storageId, IncomingLoad loading) {
        if (loads.remove(storageId, loading)) {
            loading.abandon();
        }
    }

    /** The number of snapshots open now. */
    int openSnapshots() {
        return snapshots.size();
    }

    private byte[] open(Object caller) {
        StoreSnapshot snapshot = store.get().openSnapshot();
        long id = ids.incrementAndGet();
        snapshots.put(id, new Pinned(snapshot, caller, new AtomicLong(System.nanoTime())));
        return ByteBuffer.allocate(24).putLong(id).putLong(snapshot.timestamp()).putLong(store.get().logPosition())
                .array();
    }

    /** The stable timestamp, and the log position after it (read after it). */
    private byte[] stable() {
        long stable = store.get().stableTimestamp();
        return ByteBuffer.allocate(16).putLong(stable).putLong(store.get().logPosition()).array();
    }

    private byte[] close(long id) {
        Pinned p = snapshots.remove(id);
        if (p != null) {
            synchronized (p) {
                p.snapshot().close();
            }
        }
        return new byte[0];
    }

    private Pinned pinned(long id) {
        Pinned p = snapshots.get(id);
        if (p == null) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "the snapshot of the shard move is gone on the source node");
        }
        p.lastUse().set(System.nanoTime());
        return p;
    }

    /** COPY: the keys of one relation as of the snapshot, from a key on, up to a byte budget. */
    private byte[] copy(ByteBuffer in) {
        long id = in.getLong();
        int target = in.getInt();
        long oldId = in.getLong();
        long newId = in.getLong();
        byte[] from = ShardTransferCodec.bytes(in);
        long budget = in.getLong();
        Pinned p = pinned(id);
        byte[] start = from.length == 0 ? prefix(oldId) : from;
        TransferBatch batch = TransferBatch.copy(pusher, target, newId, BATCH_BYTES);
        byte[] last = null;
        boolean done = true;
        synchronized (p) {
            try (KeyCursor cursor = p.snapshot().scan(start, prefix(oldId + 1))) {
                while (cursor.next()) {
                    if (batch.total >= budget) {
                        done = false;
                        break;
                    }
                    last = cursor.key();
                    batch.add(last, cursor.value());
                }
            }
        }
        if (done) {
            batch.finish();
        } else {
            batch.flush();
        }
        p.lastUse().set(System.nanoTime());
        byte[] next = done || last == null ? new byte[0] : successor(last);
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + next.length + 16);
        out.put((byte) (done ? 1 : 0));
        ShardTransferCodec.putBytes(out, next);
        return out.putLong(batch.rows).putLong(batch.total).array();
    }

    /**
     * CHANGES: the changes of one relation committed in {@code (after, until]} ({@code until} -1: the store's stable
     * timestamp now), in commit order, stopping at a commit boundary once the budget is spent.
     */
    private byte[] changes(ByteBuffer in) {
        long id = in.getLong();
        int target = in.getInt();
        long oldId = in.getLong();
        long newId = in.getLong();
        long after = in.getLong();
        long until = in.getLong();
        long budget = in.getLong();
        Pinned p = pinned(id);
        if (until < 0) {
            until = store.get().stableTimestamp();
        }
        TransferBatch batch = TransferBatch.changes(pusher, target, newId, BATCH_BYTES);
        long applied = until;
        boolean done = true;
        synchronized (p) {
            long current = after;
            try (ChangeCursor cursor = p.snapshot().changes(prefix(oldId),
                    prefix(oldId + 1), after, until)) {
                while (cursor.next()) {
                    long ts = cursor.commitTimestamp();
                    if (ts != current && batch.total >= budget) {
                        applied = current;
                        done = false;
                        break;
                    }
                    current = ts;
                    batch.add(cursor.key(), cursor.value());
                }
            }
        }
        batch.flush();
        p.lastUse().set(System.nanoTime());
        ByteBuffer out = ByteBuffer.allocate(1 + 8 * 3);
        return out.put((byte) (done ? 1 : 0)).putLong(applied).putLong(batch.rows).putLong(batch.total).array();
    }

    /**
     * GROUP_CHANGES: the changes of several relations committed in {@code (after, until]} ({@code until} -1: the
     * store's stable timestamp now), each relation's in commit order, all of them, in WRITE requests shared by the
     * relations (a small round is one request and one commit on the target); answers the timestamp replayed up to
     * and the log position read after it.
     */
    private byte[] groupChanges(ByteBuffer in) {
        long id = in.getLong();
        int target = in.getInt();
        int count = in.getInt();
        long[] oldIds = new long[count];
        long[] newIds = new long[count];
        for (int i = 0; i < count; i++) {
            oldIds[i] = in.getLong();
            newIds[i] = in.getLong();
        }
        long after = in.getLong();
        long until = in.getLong();
        Pinned p = pinned(id);
        if (until < 0) {
            until = store.get().stableTimestamp();
        }
        long position = store.get().logPosition();
        GroupWriteBatch batch = new GroupWriteBatch(pusher, target, BATCH_BYTES);
        synchronized (p) {
            for (int i = 0; i < count; i++) {
                try (ChangeCursor cursor = p.snapshot().changes(prefix(oldIds[i]),
                        prefix(oldIds[i] + 1), after, until)) {
                    while (cursor.next()) {
                        batch.add(newIds[i], cursor.key(), cursor.value());
                    }
                }
            }
        }
        batch.flush();
        p.lastUse().set(System.nanoTime());
        return ByteBuffer.allocate(32).putLong(until).putLong(position).putLong(batch.rows).putLong(batch.total)
                .array();
    }

    /**
     * WRITE: puts and deletes of one batch, committed in one local transaction, into storage ids reserved for a move
     * only (55000 otherwise: the move ended). A batch whose move ended while it was written (its records removed, the
     * ranges freed before it committed) drops what it wrote.
     */
    private byte[] write(ByteBuffer in) {
        int count = in.getInt();
        Set<Long> prefixes = new HashSet<>();
        Transaction txn = store.get().begin(TransactionOptions.defaults());
        try {
            for (int i = 0; i < count; i++) {
                byte[] key = ShardTransferCodec.bytes(in);
                long prefix = KeyBytes.readLong(key, 0);
                if (prefixes.add(prefix) && !storageIds.reserved(prefix)) {
                    throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "the storage of the shard move is no longer reserved on this node");
                }
                int length = in.getInt();
                if (length < 0) {
                    txn.delete(key);
                } else {
                    byte[] value = new byte[length];
                    in.get(value);
                    txn.put(key, value);
                }
            }
            txn.commit();
        } finally {
            txn.rollback();
        }
        for (long prefix : prefixes) {
            if (!storageIds.reserved(prefix) && !storageIds.used(prefix)) {
                destroy(prefix);
            }
        }
        return new byte[0];
    }

    /**
     * LOAD: keys of a copied relation, in key order, into the bulk load of a storage id reserved for a move (55000
     * otherwise), handed to the load's thread ({@link IncomingLoad}); the last request of the relation waits until the
     * load is finished, which makes the keys visible and durable at once. A relation that fits one request is written
     * in one local transaction instead, as WRITE does (a sorted file of its own would be too small to pay). A load
     * whose move ended while it ran (its records removed) drops what it loaded.
     */
    private byte[] load(ByteBuffer in, Object caller) {
        long storageId = in.getLong();
        boolean last = in.get() != 0;
        IncomingLoad loading = loads.get(storageId);
        if (!storageIds.reserved(storageId)) {
            if (loading != null) {
                abandon(storageId, loading);
            }
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "the storage of the shard move is no longer reserved on this node");
        }
        if (loading == null && last) {
            return write(in);
        }
        if (loading == null) {
            loading = new IncomingLoad(store.get().bulkLoad(prefix(storageId), prefix(storageId + 1)), caller);
            loads.put(storageId, loading);
        }
        try {
            loading.accept(in, last);
        } catch (RuntimeException e) {
            abandon(storageId, loading);
            throw e;
        }
        if (last) {
            loads.remove(storageId, loading);
            if (!storageIds.reserved(storageId) && !storageIds.used(storageId)) {
                destroy(storageId);
            }
        }
        return new byte[0];
    }

    /** DROP: frees the ranges of storage ids that no relation or cleanup record of this node's catalog names. */
    private byte[] drop(ByteBuffer in) {
        int count = in.getInt();
        for (int i = 0; i < count; i++) {
            long id = in.getLong();
            IncomingLoad loading = loads.get(id);
            if (loading != null) {
                abandon(id, loading);
            }
            if (!storageIds.used(id)) {
                destroy(id);
            }
        }
        return new byte[0];
    }

    private void destroy(long storageId) {
        store.get().destroyRange(prefix(storageId), prefix(storageId + 1));
    }

    /** The key prefix of a storage id. */
    private static byte[] prefix(long storageId) {
        return KeyBytes.ofLong(storageId).toArray();
    }

    /** The smallest key after {@code key}. */
    private static byte[] successor(byte[] key) {
        byte[] next = java.util.Arrays.copyOf(key, key.length + 1);
        return next;
    }
}
