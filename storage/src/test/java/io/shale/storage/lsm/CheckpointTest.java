package io.shale.storage.lsm;

import io.shale.storage.HybridLogicalClock;
import io.shale.storage.StoreSnapshot;
import io.shale.storage.Transaction;
import io.shale.storage.file.MemoryFiles;
import io.shale.storage.file.StorageFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.entries;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Checkpoints: sorted files plus the log after them restore the store; the log is recycled. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CheckpointTest {
    private static final LsmConfig CONFIG = LsmConfig.defaults().withWal(16 * 1024, 64 * 1024).withCompaction(false);

    private static LsmKeyValueStore open(StorageFiles files) {
        return LsmKeyValueStore.open(files, CONFIG, new HybridLogicalClock());
    }

    @Test
    void checkpointsRecycleTheLogAndRestartFromFilesAndTheLogTail() {
        MemoryFiles files = new MemoryFiles();
        LsmKeyValueStore store = open(files);
        for (int i = 0; i < 400; i++) {
            commitPuts(store, String.format("k%04d", i % 100), "v" + i + " ".repeat(300));
        }
        StoreTestSupport.awaitCondition("a checkpoint", () -> !store.tier().current().isEmpty());
        store.flushNow();
        commitPuts(store, "k0000", "after", "tail", "1");
        assertThat(walSegments(files)).as("segments left after recycling").isLessThanOrEqualTo(3);
        store.simulateCrash();
        try (LsmKeyValueStore reopened = open(files)) {
            Transaction reader = reopened.begin(readCommitted());
            assertThat(text(reader.get(bytes("k0000")))).isEqualTo("after");
            assertThat(text(reader.get(bytes("k0099"))).trim()).isEqualTo("v399");
            assertThat(text(reader.get(bytes("tail")))).isEqualTo("1");
            assertThat(entries(reader, null, null, false)).hasSize(101);
        }
    }

    @Test
    void aPreparedTransactionKeepsItsLogAcrossCheckpoints() {
        MemoryFiles files = new MemoryFiles();
        LsmKeyValueStore store = open(files);
        commitPuts(store, "a", "0");
        Transaction committedBefore = store.begin(readCommitted());
        committedBefore.put(bytes("b"), bytes("prepared-and-committed"));
        committedBefore.prepare("early", "alice", "db");
        Transaction open = store.begin(readCommitted());
        open.put(bytes("a"), bytes("prepared"));
        open.prepare("open", "alice", "db");
        store.commitPrepared("early");
        for (int i = 0; i < 300; i++) {
            commitPuts(store, "filler" + (i % 20), "x".repeat(100));
        }
        store.flushNow();
        store.flushNow();
        store.simulateCrash();
        store = open(files);
        assertThat(store.preparedTransactions()).extracting(p -> p.gid()).containsExactly("open");
        Transaction reader = store.begin(readCommitted());
        assertThat(text(reader.get(bytes("a")))).isEqualTo("0");
        assertThat(text(reader.get(bytes("b")))).isEqualTo("prepared-and-committed");
        reader.commit();
        store.commitPrepared("open");
        store.flushNow();
        store.simulateCrash();
        try (LsmKeyValueStore reopened = open(files)) {
            assertThat(reopened.preparedTransactions()).isEmpty();
            assertThat(text(reopened.begin(readCommitted()).get(bytes("a")))).isEqualTo("prepared");
        }
    }

    @Test
    void aDroppedRangeStaysDroppedAndCompactionFreesItsSpace() {
        MemoryFiles files = new MemoryFiles();
        LsmKeyValueStore store = open(files);
        for (int i = 0; i < 200; i++) {
            commitPuts(store, "t1-" + i, "x".repeat(200), "t2-" + i, "y", "t3-" + i, "w");
        }
        store.flushNow();
        long before = store.approximateSize(bytes("t1"), bytes("t2"));
        assertThat(before).isPositive();
        store.destroyRange(bytes("t1"), bytes("t2"));
        store.destroyRange(bytes("t3"), bytes("t4"));
        commitPuts(store, "t3-new", "z");
        assertThat(entries(store.begin(readCommitted()), "t1", "t2", false)).isEmpty();
        assertThat(entries(store.begin(readCommitted()), "t3", "t4", false)).containsExactly("t3-new=z");
        store.simulateCrash();
        store = open(files);
        assertThat(entries(store.begin(readCommitted()), "t1", "t2", false)).isEmpty();
        assertThat(entries(store.begin(readCommitted()), "t3", "t4", false)).containsExactly("t3-new=z");
        store.flushNow();
        store.compactNow();
        assertThat(store.tier().current().dropped).as("a range written again after its drop stays hidden")
                .extracting(range -> text(range.fromInclusive())).containsExactly("t3");
        assertThat(store.approximateSize(bytes("t1"), bytes("t2"))).isLessThan(before / 10);
        assertThat(entries(store.begin(readCommitted()), "t1", "t4", false)).hasSize(201);
        store.close();
        try (LsmKeyValueStore reopened = open(files)) {
            assertThat(entries(reopened.begin(readCommitted()), "t1", "t4", false)).hasSize(201);
            assertThat(entries(reopened.begin(readCommitted()), "t3", "t4", false)).containsExactly("t3-new=z");
        }
    }

    @Test
    void compactionKeepsWhatAnOpenSnapshotNeedsAndVacuumDropsTheRest() {
        MemoryFiles files = new MemoryFiles();
        try (LsmKeyValueStore store = open(files)) {
            commitPuts(store, "k", "1", "gone", "1");
            store.flushNow();
            StoreSnapshot snapshot = store.openSnapshot();
            commitPuts(store, "k", "2");
            Transaction deleter = store.begin(readCommitted());
            deleter.delete(bytes("gone"));
            deleter.commit();
            store.flushNow();
            store.compactNow();
            List<String> seen = new ArrayList<>();
            try (var cursor = snapshot.scan(null, null)) {
                while (cursor.next()) {
                    seen.add(text(cursor.key()) + "=" + text(cursor.value()));
                }
            }
            assertThat(seen).containsExactly("gone=1", "k=1");
            snapshot.close();
            store.vacuum();
            store.flushNow();
            store.compactNow();
            assertThat(store.tier().current().files).hasSize(1);
            assertThat(store.tier().current().files.getFirst().info().entryCount()).isEqualTo(1);
            assertThat(entries(store.begin(readCommitted()), null, null, false)).containsExactly("k=2");
        }
    }

    private static long walSegments(MemoryFiles files) {
        return files.list().stream().filter(name -> name.endsWith(".wal")).count();
    }
}
