package io.shale.engine.citus;

import io.shale.common.error.ShaleException;
import io.shale.engine.exec.KeyBytes;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyCursor;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.file.DiskFiles;
import io.shale.storage.lsm.LsmConfig;
import io.shale.storage.lsm.LsmKeyValueStore;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ShardStreams} between two stores: a relation's range copied as of a snapshot in budgeted requests and
 * batches, then the changes after it, arrive under the new storage id equal to the source's range; nothing else moves.
 * Writes and loads go only to storage reserved for a move; a durable target loads the copy into a sorted file. Snapshots
 * close, and loads are abandoned, when unused or when the node that opened them is lost.
 */
@Timeout(60)
class ShardStreamsTest {
    private static final long OLD = 100;
    private static final long NEW = 200;
    /** A node on which every storage id is reserved for a move (and so kept). */
    private static final ShardStreams.StorageIds ALL_RESERVED = new ShardStreams.StorageIds() {
        @Override
        public boolean reserved(long storageId) {
            return true;
        }

        @Override
        public boolean used(long storageId) {
            return true;
        }
    };

    @TempDir
    Path directory;

    @Test
    void aBudgetedCopyPlusTheChangesEqualsTheSourceRange() {
        try (MemoryKeyValueStore target = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            copyAndCatchUp(target);
        }
    }

    @Test
    void aDurableTargetLoadsTheCopyIntoASortedFile() {
        try (LsmKeyValueStore target = durable()) {
            copyAndCatchUp(target);
        }
        try (LsmKeyValueStore reopened = durable()) {
            assertThat(range(reopened, NEW)).hasSizeGreaterThan(3000);
        }
    }

    private LsmKeyValueStore durable() {
        return LsmKeyValueStore.open(DiskFiles.open(directory), LsmConfig.defaults(), new HybridLogicalClock());
    }

    private static void copyAndCatchUp(KeyValueStore target) {
        long seed = System.nanoTime();
        System.out.println("ShardStreamsTest seed " + seed);
        Random random = new Random(seed);
        try (MemoryKeyValueStore source = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            int[] pushes = new int[1];
            ShardStreams onSource = feeding(source, target, pushes);
            for (int i = 0; i < 4000; i++) {
                put(source, key(OLD, i), value(random, 300));
                put(source, key(OLD + 1, i), value(random, 10));
            }
            ByteBuffer opened = ByteBuffer.wrap(onSource.handle(new byte[] {ShardTransferCodec.OPEN}));
            long snapshot = opened.getLong();
            long position = opened.getLong();
            for (int i = 0; i < 500; i++) {
                put(source, key(OLD, random.nextInt(5000)), value(random, 50));
                delete(source, key(OLD, random.nextInt(5000)));
            }
            byte[] from = new byte[0];
            int requests = 0;
            while (true) {
                requests++;
                ByteBuffer out = ByteBuffer.allocate(1 + 8 + 4 + 16 + 4 + from.length + 8);
                out.put(ShardTransferCodec.COPY).putLong(snapshot).putInt(2).putLong(OLD).putLong(NEW);
                ShardTransferCodec.putBytes(out, from);
                ByteBuffer in = ByteBuffer.wrap(onSource.handle(out.putLong(256 * 1024).array()));
                boolean done = in.get() != 0;
                from = ShardTransferCodec.bytes(in);
                if (done) {
                    break;
                }
            }
            assertThat(requests).isGreaterThan(3);
            assertThat(pushes[0]).isGreaterThanOrEqualTo(requests);
            long after = position;
            while (true) {
                ByteBuffer out = ByteBuffer.allocate(1 + 8 + 4 + 16 + 24);
                out.put(ShardTransferCodec.CHANGES).putLong(snapshot).putInt(2).putLong(OLD).putLong(NEW)
                        .putLong(after).putLong(-1).putLong(4096);
                ByteBuffer in = ByteBuffer.wrap(onSource.handle(out.array()));
                boolean done = in.get() != 0;
                after = in.getLong();
                if (done) {
                    break;
                }
            }
            assertThat(range(target, NEW)).isEqualTo(range(source, OLD));
            assertThat(range(target, OLD)).isEmpty();
            assertThat(range(target, OLD + 1)).isEmpty();
            onSource.handle(ByteBuffer.allocate(9).put(ShardTransferCodec.CLOSE).putLong(snapshot).array());
            assertThat(onSource.openSnapshots()).isZero();
            assertThatThrownBy(() -> onSource.handle(ByteBuffer.allocate(1 + 8 + 4 + 16 + 24)
                    .put(ShardTransferCodec.CHANGES).putLong(snapshot).array()))
                    .isInstanceOf(ShaleException.class).hasMessageContaining("snapshot of the shard move is gone");
        }
    }

    @Test
    void oneGroupChangesRequestReplaysEveryRelationInSharedWrites() {
        long seed = System.nanoTime();
        System.out.println("ShardStreamsTest group seed " + seed);
        Random random = new Random(seed);
        try (MemoryKeyValueStore source = new MemoryKeyValueStore(MemoryStoreConfig.defaults());
             MemoryKeyValueStore target = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            int[] pushes = new int[1];
            ShardStreams onSource = feeding(source, target, pushes);
            ByteBuffer opened = ByteBuffer.wrap(onSource.handle(new byte[] {ShardTransferCodec.OPEN}));
            long snapshot = opened.getLong();
            long after = opened.getLong();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 300; i++) {
                    put(source, key(OLD + random.nextInt(3), random.nextInt(400)), value(random, round * 5000 + 20));
                    delete(source, key(OLD + random.nextInt(3), random.nextInt(400)));
                }
                put(source, key(OLD + 3, 1), value(random, 10));
                pushes[0] = 0;
                ByteBuffer out = ByteBuffer.allocate(1 + 8 + 4 + 4 + 16 * 3 + 16);
                out.put(ShardTransferCodec.GROUP_CHANGES).putLong(snapshot).putInt(2).putInt(3);
                for (int r = 0; r < 3; r++) {
                    out.putLong(OLD + r).putLong(NEW + r);
                }
                ByteBuffer in = ByteBuffer.wrap(onSource.handle(out.putLong(after).putLong(-1).array()));
                after = in.getLong();
                in.getLong();
                assertThat(in.getLong()).as("changes replayed").isBetween(300L, 600L);
                if (round == 0) {
                    assertThat(pushes[0]).as("WRITE requests of a small round").isEqualTo(1);
                } else {
                    assertThat(pushes[0]).as("WRITE requests of 1.5 MB").isGreaterThan(1);
                }
                for (int r = 0; r < 3; r++) {
                    assertThat(range(target, NEW + r)).isEqualTo(range(source, OLD + r));
                }
                assertThat(range(target, NEW + 3)).isEmpty();
            }
        }
    }

    @Test
    void writesGoOnlyToReservedStorageAndDropWhatTheyWroteWhenTheReservationEnded() {
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            int[] asked = new int[1];
            ShardStreams.StorageIds once = new ShardStreams.StorageIds() {
                @Override
                public boolean reserved(long storageId) {
                    return storageId == NEW && asked[0]++ == 0;
                }

                @Override
                public boolean used(long storageId) {
                    return false;
                }
            };
            ShardStreams streams = new ShardStreams(() -> store, once, pusher(request -> { }));
            assertThatThrownBy(() -> streams.handle(writeOf(key(OLD, 1))))
                    .hasMessage("the storage of the shard move is no longer reserved on this node");
            streams.handle(writeOf(key(NEW, 1)));
            assertThat(range(store, NEW)).isEmpty();
        }
    }

    @Test
    void loadsGoOnlyToReservedStorageAndAreAbandonedWhenTheSenderIsLostOrTheRangeDropped() {
        try (LsmKeyValueStore store = durable()) {
            ShardStreams.StorageIds onlyNew = new ShardStreams.StorageIds() {
                @Override
                public boolean reserved(long storageId) {
                    return storageId == NEW;
                }

                @Override
                public boolean used(long storageId) {
                    return false;
                }
            };
            ShardStreams streams = new ShardStreams(() -> store, onlyNew, pusher(request -> { }));
            assertThatThrownBy(() -> streams.handle(loadOf(OLD, false, 1), "source"))
                    .hasMessage("the storage of the shard move is no longer reserved on this node");
            streams.handle(loadOf(NEW, false, 1), "source");
            streams.handle(loadOf(NEW, false, 2), "source");
            assertThat(streams.openLoads()).isEqualTo(1);
            streams.closeOpenedBy("another node");
            assertThat(streams.openLoads()).isEqualTo(1);
            streams.closeOpenedBy("source");
            assertThat(streams.openLoads()).isZero();
            streams.handle(loadOf(NEW, false, 3), "source");
            streams.handle(ByteBuffer.allocate(13).put(ShardTransferCodec.DROP).putInt(1).putLong(NEW).array());
            assertThat(streams.openLoads()).isZero();
            streams.handle(loadOf(NEW, true, 4), "source");
            assertThat(range(store, NEW)).containsOnlyKeys(HexFormat.of().formatHex(KeyBytes.ofLong(4).toArray()));
            streams.handle(loadOf(NEW, false, 9), "source");
            assertThatThrownBy(() -> {
                streams.handle(loadOf(NEW, false, 8), "source");
                streams.handle(loadOf(NEW, true, 10), "source");
            }).as("the load's failure fails the request that queued it or the next").hasMessageContaining("key order");
            assertThat(streams.openLoads()).isZero();
        }
    }

    @Test
    void aLoadWhoseReservationWentIsAbandonedAtTheNextRequest() {
        try (LsmKeyValueStore store = durable()) {
            boolean[] reserved = {true};
            ShardStreams.StorageIds ids = new ShardStreams.StorageIds() {
                @Override
                public boolean reserved(long storageId) {
                    return reserved[0];
                }

                @Override
                public boolean used(long storageId) {
                    return false;
                }
            };
            ShardStreams streams = new ShardStreams(() -> store, ids, pusher(request -> { }));
            streams.handle(loadOf(NEW, false, 1), "source");
            assertThat(streams.openLoads()).isEqualTo(1);
            reserved[0] = false;
            streams.handle(new byte[] {ShardTransferCodec.STABLE});
            assertThat(streams.openLoads()).isZero();
            assertThat(range(store, NEW)).isEmpty();
        }
    }

    /** A LOAD request of one key {@code i} of storage id {@code storageId}. */
    private static byte[] loadOf(long storageId, boolean last, int i) {
        byte[] key = key(storageId, i);
        ByteBuffer out = ByteBuffer.allocate(1 + 8 + 1 + 4 + 4 + key.length + 4 + 1);
        out.put(ShardTransferCodec.LOAD).putLong(storageId).put((byte) (last ? 1 : 0)).putInt(1);
        ShardTransferCodec.putBytes(out, key);
        return out.putInt(1).put((byte) 7).array();
    }

    private static byte[] writeOf(byte[] key) {
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 4 + key.length + 4 + 1);
        out.put(ShardTransferCodec.WRITE).putInt(1);
        ShardTransferCodec.putBytes(out, key);
        return out.putInt(1).put((byte) 7).array();
    }

    @Test
    void idleSnapshotsAreClosed() {
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            ShardStreams streams = new ShardStreams(() -> store, ALL_RESERVED, pusher(request -> { }));
            streams.handle(new byte[] {ShardTransferCodec.OPEN});
            streams.closeIdle(Long.MAX_VALUE);
            assertThat(streams.openSnapshots()).isEqualTo(1);
            streams.closeIdle(-1);
            assertThat(streams.openSnapshots()).isZero();
        }
    }

    @Test
    void theSnapshotsOfALostPeerAreClosed() {
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            ShardStreams streams = new ShardStreams(() -> store, ALL_RESERVED, pusher(request -> { }));
            streams.handle(new byte[] {ShardTransferCodec.OPEN}, "coordinator");
            streams.handle(new byte[] {ShardTransferCodec.OPEN});
            streams.closeOpenedBy("another node");
            assertThat(streams.openSnapshots()).isEqualTo(2);
            streams.closeOpenedBy("coordinator");
            assertThat(streams.openSnapshots()).isEqualTo(1);
        }
    }

    /** Streams on {@code source} whose requests are answered by streams on {@code target}, counted in {@code pushes}. */
    private static ShardStreams feeding(KeyValueStore source, KeyValueStore target, int[] pushes) {
        ShardStreams onTarget = new ShardStreams(() -> target, ALL_RESERVED, pusher(request -> {
            throw new AssertionError("the target pushes nothing");
        }));
        return new ShardStreams(() -> source, ALL_RESERVED, pusher(request -> {
            pushes[0]++;
            onTarget.handle(request);
        }));
    }

    /** Requests to another node, answered there by {@code node} before the next one is sent. */
    private static TransferBatch.Pusher pusher(Consumer<byte[]> node) {
        return new TransferBatch.Pusher() {
            @Override
            public CompletableFuture<byte[]> send(int groupId, byte[] request) {
                node.accept(request);
                return CompletableFuture.completedFuture(new byte[0]);
            }

            @Override
            public byte[] await(int groupId, CompletableFuture<byte[]> answer) {
                return answer.join();
            }
        };
    }

    private static byte[] key(long storageId, int i) {
        return KeyBytes.ofLong(storageId).appendLong(i).toArray();
    }

    private static byte[] value(Random random, int length) {
        byte[] v = new byte[length];
        random.nextBytes(v);
        return v;
    }

    private static void put(KeyValueStore store, byte[] key, byte[] value) {
        Transaction txn = store.begin(TransactionOptions.defaults());
        txn.put(key, value);
        txn.commit();
    }

    private static void delete(KeyValueStore store, byte[] key) {
        Transaction txn = store.begin(TransactionOptions.defaults());
        txn.delete(key);
        txn.commit();
    }

    /** The range's keys without their storage-id prefix, with their values (hex). */
    private static TreeMap<String, String> range(KeyValueStore store, long storageId) {
        TreeMap<String, String> out = new TreeMap<>();
        Transaction txn = store.begin(TransactionOptions.defaults());
        try (KeyCursor cursor = txn.scan(KeyBytes.ofLong(storageId).toArray(), KeyBytes.ofLong(storageId + 1).toArray(),
                false)) {
            while (cursor.next()) {
                byte[] k = cursor.key();
                out.put(HexFormat.of().formatHex(k, 8, k.length), HexFormat.of().formatHex(cursor.value()));
            }
        } finally {
            txn.rollback();
        }
        return out;
    }
}
