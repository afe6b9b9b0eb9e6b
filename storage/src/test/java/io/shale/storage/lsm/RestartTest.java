package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.WaitPolicy;
import io.shale.storage.file.DiskFiles;
import io.shale.storage.file.MemoryFiles;
import io.shale.storage.file.StorageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.entries;
import static io.shale.storage.lsm.StoreTestSupport.failure;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/** What a store finds after a clean close or a kill: exactly the acknowledged commits. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RestartTest {
    private static final LsmConfig CONFIG = LsmConfig.defaults().withWal(64 * 1024, 1 << 20);

    @TempDir
    Path directory;

    private static LsmKeyValueStore open(StorageFiles files) {
        return LsmKeyValueStore.open(files, CONFIG, new HybridLogicalClock());
    }

    @Test
    void closeAndReopenKeepsTheData() {
        for (StorageFiles files : List.of(new MemoryFiles(), DiskFiles.open(directory))) {
            try (LsmKeyValueStore store = open(files)) {
                commitPuts(store, "a", "1", "b", "1", "c", "1");
                commitPuts(store, "b", "2");
                Transaction deleter = store.begin(readCommitted());
                deleter.delete(bytes("c"));
                deleter.commit();
                Transaction rolledBack = store.begin(readCommitted());
                rolledBack.put(bytes("d"), bytes("never"));
                rolledBack.rollback();
            }
            try (LsmKeyValueStore store = open(files)) {
                assertThat(entries(store.begin(readCommitted()), null, null, false)).containsExactly("a=1", "b=2");
                commitPuts(store, "e", "3");
            }
            try (LsmKeyValueStore store = open(files)) {
                assertThat(entries(store.begin(readCommitted()), null, null, false))
                        .containsExactly("a=1", "b=2", "e=3");
            }
        }
    }

    @Test
    void timestampsAfterARestartFollowTheRecoveredOnes() {
        MemoryFiles files = new MemoryFiles();
        long[] frozenMillis = {1_000_000};
        try (LsmKeyValueStore store = LsmKeyValueStore.open(files, CONFIG, new HybridLogicalClock())) {
            commitPuts(store, "k", "new");
        }
        try (LsmKeyValueStore store = LsmKeyValueStore.open(files, CONFIG, new HybridLogicalClock(() -> frozenMillis[0]))) {
            commitPuts(store, "k", "newer");
            assertThat(text(store.begin(readCommitted()).get(bytes("k")))).isEqualTo("newer");
        }
    }

    @Test
    void aKillKeepsExactlyTheAcknowledgedCommits() throws Exception {
        for (StorageFiles files : List.of(new MemoryFiles(), DiskFiles.open(directory.resolve("kill")))) {
            int threads = 4;
            AtomicIntegerArray acknowledged = new AtomicIntegerArray(threads);
            AtomicBoolean stop = new AtomicBoolean();
            LsmKeyValueStore store = open(files);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            Transaction transaction = store.begin(readCommitted());
                            transaction.put(key(thread, i), bytes("v" + i));
                            transaction.put(bytes("last" + thread), bytes(Integer.toString(i)));
                            transaction.commit();
                            acknowledged.set(thread, i + 1);
                        } catch (ShaleException e) {
                            return;
                        }
                    }
                }));
            }
            while (acknowledged.get(0) < 50) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            store.simulateCrash();
            int[] atCrash = new int[threads];
            for (int t = 0; t < threads; t++) {
                atCrash[t] = acknowledged.get(t);
            }
            stop.set(true);
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            try (LsmKeyValueStore recovered = open(files)) {
                Transaction reader = recovered.begin(readCommitted());
                for (int t = 0; t < threads; t++) {
                    int present = 0;
                    while (reader.get(key(t, present)) != null) {
                        assertThat(text(reader.get(key(t, present)))).isEqualTo("v" + present);
                        present++;
                    }
                    assertThat(present).as("thread %d", t).isBetween(atCrash[t], acknowledged.get(t) + 1);
                    assertThat(reader.get(key(t, present + 1))).isNull();
                    if (present > 0) {
                        assertThat(text(reader.get(bytes("last" + t)))).isEqualTo(Integer.toString(present - 1));
                    }
                }
            }
        }
    }

    @Test
    void asynchronousCommitsAreFlushedByTheTickAndAtClose() {
        MemoryFiles files = new MemoryFiles();
        TransactionOptions async = new TransactionOptions(TransactionOptions.IsolationLevel.READ_COMMITTED, false,
                Duration.ZERO, Duration.ofSeconds(1), false);
        LsmKeyValueStore store = open(files);
        long before = files.totalSize();
        Transaction first = store.begin(async);
        first.put(bytes("async"), bytes("1"));
        first.commit();
        StoreTestSupport.awaitCondition("the tick wrote the commit", () -> files.totalSize() > before);
        store.simulateCrash();
        store = open(files);
        Transaction second = store.begin(async);
        second.put(bytes("closing"), bytes("2"));
        second.commit();
        store.close();
        try (LsmKeyValueStore reopened = open(files)) {
            assertThat(entries(reopened.begin(readCommitted()), null, null, false))
                    .containsExactly("async=1", "closing=2");
        }
    }

    @Test
    void aPreparedTransactionSurvivesAKillWithItsWritesAndLocks() {
        MemoryFiles files = new MemoryFiles();
        LsmKeyValueStore store = open(files);
        commitPuts(store, "shared", "0", "updated", "0", "deleted", "0");
        Transaction prepared = store.begin(readCommitted());
        prepared.put(bytes("updated"), bytes("1"));
        prepared.delete(bytes("deleted"));
        prepared.put(bytes("inserted"), bytes("1"));
        prepared.lock(bytes("shared"), LockStrength.FOR_SHARE, WaitPolicy.WAIT);
        prepared.prepare("gid-1", "alice", "postgres");
        Transaction other = store.begin(readCommitted());
        other.put(bytes("other"), bytes("1"));
        other.prepare("gid-2", "bob", "postgres");
        store.simulateCrash();

        store = open(files);
        assertThat(store.preparedTransactions()).extracting(p -> p.gid() + "/" + p.owner() + "/" + p.database())
                .containsExactly("gid-1/alice/postgres", "gid-2/bob/postgres");
        assertThat(entries(store.begin(readCommitted()), null, null, false))
                .containsExactly("deleted=0", "shared=0", "updated=0");
        Transaction blocked = store.begin(readCommitted());
        failure(ErrorCode.LOCK_NOT_AVAILABLE, () -> blocked.lock(bytes("updated"), LockStrength.FOR_KEY_SHARE, WaitPolicy.NOWAIT));
        failure(ErrorCode.LOCK_NOT_AVAILABLE, () -> blocked.lock(bytes("shared"), LockStrength.FOR_UPDATE, WaitPolicy.NOWAIT));
        assertThat(text(blocked.lock(bytes("shared"), LockStrength.FOR_SHARE, WaitPolicy.NOWAIT))).isEqualTo("0");
        blocked.rollback();
        Transaction inserter = store.begin(readCommitted());
        inserter.insert(bytes("later"), bytes("x"));
        inserter.commit();
        store.close();

        store = open(files);
        assertThat(store.preparedTransactions()).hasSize(2);
        store.commitPrepared("gid-1");
        store.rollbackPrepared("gid-2");
        assertThat(store.preparedTransactions()).isEmpty();
        assertThat(entries(store.begin(readCommitted()), null, null, false))
                .containsExactly("inserted=1", "later=x", "shared=0", "updated=1");
        store.simulateCrash();

        try (LsmKeyValueStore reopened = open(files)) {
            assertThat(reopened.preparedTransactions()).isEmpty();
            assertThat(entries(reopened.begin(readCommitted()), null, null, false))
                    .containsExactly("inserted=1", "later=x", "shared=0", "updated=1");
            Transaction writer = reopened.begin(readCommitted());
            assertThat(text(writer.lock(bytes("updated"), LockStrength.FOR_UPDATE, WaitPolicy.NOWAIT))).isEqualTo("1");
            writer.commit();
        }
    }

    @Test
    void destroyRangeIsDurable() {
        MemoryFiles files = new MemoryFiles();
        LsmKeyValueStore store = open(files);
        commitPuts(store, "a1", "x", "b1", "xx", "b2", "xxx", "c1", "x");
        store.destroyRange(bytes("b"), bytes("c"));
        commitPuts(store, "b3", "new");
        store.simulateCrash();
        try (LsmKeyValueStore reopened = open(files)) {
            assertThat(entries(reopened.begin(readCommitted()), null, null, false))
                    .containsExactly("a1=x", "b3=new", "c1=x");
            assertThat(reopened.approximateSize(bytes("b"), bytes("c"))).isEqualTo(2 + 3);
        }
    }

    @Test
    void aCommitLargerThanOneLogRecordIsAtomicAcrossRestarts() {
        MemoryFiles files = new MemoryFiles();
        LsmKeyValueStore store = open(files);
        Transaction large = store.begin(readCommitted());
        byte[] value = new byte[64 * 1024];
        int rows = (int) (3 * LogRecordCodec.PART_BYTES / value.length);
        for (int i = 0; i < rows; i++) {
            large.put(key(0, i), value);
        }
        large.put(key(0, 0), bytes("rewritten"));
        large.commit();
        store.simulateCrash();
        try (LsmKeyValueStore reopened = open(files)) {
            Transaction reader = reopened.begin(readCommitted());
            assertThat(entries(reader, null, null, false)).hasSize(rows);
            assertThat(text(reader.get(key(0, 0)))).isEqualTo("rewritten");
            assertThat(reader.get(key(0, rows - 1))).hasSize(value.length);
        }
    }

    @Test
    void aCorruptRecordInTheMiddleStopsRecoveryUnlessSkippingIsAsked() {
        MemoryFiles files = new MemoryFiles();
        LsmKeyValueStore store = open(files);
        for (int i = 0; i < 50; i++) {
            commitPuts(store, String.format("k%02d", i), "v".repeat(100));
        }
        store.simulateCrash();
        String segment = files.list().stream().filter(name -> name.endsWith(".wal")).findFirst().orElseThrow();
        try (var file = files.open(segment)) {
            file.write(file.size() / 2, java.nio.ByteBuffer.wrap(new byte[] {0x55, 0x66, 0x77}));
        }
        var error = failure(ErrorCode.DATA_CORRUPTED, () -> open(files));
        assertThat(error.getMessage()).contains("invalid WAL record in file \"" + segment + "\"");
        assertThat(error.hint()).contains("shale.wal_skip_corrupt");
        try (LsmKeyValueStore skipping = LsmKeyValueStore.open(files, CONFIG.withWalSkipCorrupt(true),
                new HybridLogicalClock())) {
            List<String> rows = entries(skipping.begin(readCommitted()), null, null, false);
            assertThat(rows).hasSizeBetween(10, 40);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i)).startsWith(String.format("k%02d=", i));
            }
            commitPuts(skipping, "after", "1");
        }
        try (LsmKeyValueStore reopened = open(files)) {
            assertThat(text(reopened.begin(readCommitted()).get(bytes("after")))).isEqualTo("1");
        }
    }

    private static byte[] key(int thread, int index) {
        return bytes(String.format("k%d-%06d", thread, index));
    }
}
