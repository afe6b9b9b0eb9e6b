package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.ChangeCursor;
import io.shale.storage.KeyCursor;
import io.shale.storage.StoreSnapshot;
import io.shale.storage.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.failure;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Online copy of a key range as a shard move does it: scan the range at a pinned timestamp, then
 * apply the change stream in rounds while writers keep going; after each round the copy equals
 * the source at the round's timestamp.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class StoreSnapshotCases extends ConcurrentStoreTest {
    private static final byte[] FROM = bytes("m");
    private static final byte[] TO = bytes("n");

    StoreSnapshotCases(StoreKind kind) {
        super(kind);
    }

    @Test
    void aCopyAtTPlusTheChangesAfterTEqualsTheSource() throws Exception {
        Transaction setup = store.begin(readCommitted());
        for (int i = 0; i < 200; i++) {
            setup.put(key("m", i), bytes("initial"));
            setup.put(key("a", i), bytes("outside"));
            setup.put(key("z", i), bytes("outside"));
        }
        setup.commit();
        long seed = System.nanoTime();
        System.out.println("StoreSnapshotTest seed " + seed);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            SplittableRandom random = new SplittableRandom(seed + t);
            writers.add(CompletableFuture.runAsync(() -> write(random, stop, commits), executor));
        }
        try (StoreSnapshot snapshot = store.openSnapshot()) {
            TreeMap<byte[], byte[]> copy = scan(snapshot.scan(FROM, TO));
            long after = snapshot.timestamp();
            for (int round = 0; round < 6; round++) {
                long before = commits.get();
                while (commits.get() < before + 50) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                if (round % 2 == 1) {
                    store.pruneNow();
                }
                long until = store.stableTimestamp();
                int applied = 0;
                try (ChangeCursor changes = snapshot.changes(FROM, TO, after, until)) {
                    long previous = after;
                    while (changes.next()) {
                        assertThat(changes.commitTimestamp()).isBetween(previous, until);
                        previous = changes.commitTimestamp();
                        if (changes.value() == null) {
                            copy.remove(changes.key());
                        } else {
                            copy.put(changes.key(), changes.value());
                        }
                        applied++;
                    }
                }
                assertThat(applied).isPositive();
                TreeMap<byte[], byte[]> source = scan(store.snapshotCursor(FROM, TO, until));
                assertThat(render(copy)).as("round %d", round).isEqualTo(render(source));
                snapshot.advance(until);
                after = until;
            }
            failure(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, () -> snapshot.scan(FROM, TO));
            failure(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    () -> snapshot.changes(FROM, TO, snapshot.timestamp(), store.stableTimestamp()));
        } finally {
            stop.set(true);
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theSnapshotScanIgnoresLaterCommitsAndKeepsPrunedVersions() {
        commitPuts(store, "m1", "old", "m2", "old");
        try (StoreSnapshot snapshot = store.openSnapshot()) {
            commitPuts(store, "m1", "new", "m3", "new");
            Transaction deleter = store.begin(readCommitted());
            deleter.delete(bytes("m2"));
            deleter.commit();
            store.pruneNow();
            assertThat(render(scan(snapshot.scan(FROM, TO)))).isEqualTo("m1=old m2=old ");
            failure(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    () -> snapshot.changes(FROM, TO, snapshot.timestamp(), store.clock().now() + 1_000_000));
            try (ChangeCursor changes = snapshot.changes(FROM, TO, snapshot.timestamp(), store.stableTimestamp())) {
                List<String> seen = new ArrayList<>();
                while (changes.next()) {
                    seen.add(text(changes.key()) + "=" + text(changes.value()));
                }
                assertThat(seen).containsExactly("m1=new", "m3=new", "m2=null");
            }
        }
        store.pruneNow();
        assertThat(store.chainCount()).isEqualTo(2);
    }

    private void write(SplittableRandom random, AtomicBoolean stop, AtomicLong commits) {
        String[] prefixes = {"a", "m", "m", "m", "z"};
        while (!stop.get()) {
            Transaction transaction = store.begin(readCommitted());
            try {
                for (int i = 0; i < 3; i++) {
                    byte[] key = key(prefixes[random.nextInt(prefixes.length)], random.nextInt(300));
                    switch (random.nextInt(3)) {
                        case 0 -> transaction.delete(key);
                        case 1 -> transaction.insert(key, bytes("i" + random.nextInt(1000)));
                        default -> transaction.put(key, bytes("p" + random.nextInt(1000)));
                    }
                }
                transaction.commit();
                commits.incrementAndGet();
            } catch (ShaleException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.DEADLOCK_DETECTED);
                transaction.rollback();
            }
        }
    }

    private static TreeMap<byte[], byte[]> scan(KeyCursor cursor) {
        TreeMap<byte[], byte[]> result = new TreeMap<>(Arrays::compareUnsigned);
        try (cursor) {
            while (cursor.next()) {
                result.put(cursor.key(), cursor.value());
            }
        }
        return result;
    }

    private static String render(TreeMap<byte[], byte[]> map) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<byte[], byte[]> entry : map.entrySet()) {
            text.append(text(entry.getKey())).append('=').append(text(entry.getValue())).append(' ');
        }
        return text.toString();
    }

    private static byte[] key(String prefix, int index) {
        return bytes(prefix + String.format("%04d", index));
    }
}
