package io.shale.storage.lsm;

import io.shale.storage.BulkLoad;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyCursor;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;
import io.shale.storage.file.DiskFiles;
import io.shale.storage.file.StorageFiles;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bulk loads (a shard move's copy on its target): the keys appear all at once when the load finishes, survive a
 * restart and a kill, take newer transactional versions on top, go with a range drop, and leave nothing when the load
 * is abandoned; the memory store loads through transactions with the same visible result.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BulkLoadTest {
    private static final LsmConfig CONFIG = LsmConfig.defaults().withWal(64 * 1024, 1 << 20);
    private static final int KEYS = 20_000;

    @TempDir
    Path directory;

    private LsmKeyValueStore open(StorageFiles files) {
        return LsmKeyValueStore.open(files, CONFIG, new HybridLogicalClock());
    }

    @Test
    void loadedKeysAppearAtFinishAndSurviveRestartAndKill() {
        StorageFiles files = DiskFiles.open(directory);
        try (LsmKeyValueStore store = open(files)) {
            load(store, 7, KEYS, false);
            assertThat(count(store, 7)).isZero();
            load(store, 7, KEYS, true);
            assertThat(count(store, 7)).isEqualTo(KEYS);
            assertThat(store.approximateSize(prefix(7), prefix(8))).isPositive();
            Transaction t = store.begin(readCommitted());
            t.put(key(7, 5), "newer".getBytes());
            t.delete(key(7, 6));
            t.commit();
        }
        try (LsmKeyValueStore store = open(files)) {
            assertThat(count(store, 7)).isEqualTo(KEYS - 1);
            assertThat(get(store, key(7, 5))).isEqualTo("newer");
            assertThat(get(store, key(7, 6))).isNull();
            assertThat(get(store, key(7, 7))).isEqualTo(new String(value(7)));
            load(store, 9, 100, true);
            store.simulateCrash();
        }
        try (LsmKeyValueStore store = open(files)) {
            assertThat(count(store, 9)).isEqualTo(100);
            assertThat(count(store, 7)).isEqualTo(KEYS - 1);
        }
    }

    @Test
    void anAbandonedLoadLeavesNoFileAndAKillDuringALoadLosesIt() {
        StorageFiles files = DiskFiles.open(directory);
        try (LsmKeyValueStore store = open(files)) {
            load(store, 3, KEYS, false);
            assertThat(sortedFiles(files)).isEmpty();
            BulkLoad open = store.bulkLoad(prefix(4), prefix(5));
            for (int i = 0; i < 1000; i++) {
                open.add(key(4, i), value(i));
            }
            store.simulateCrash();
        }
        try (LsmKeyValueStore store = open(files)) {
            assertThat(count(store, 4)).isZero();
            assertThat(sortedFiles(files)).isEmpty();
        }
    }

    @Test
    void loadsSitAmongFlushedFilesAndSurviveCompactionAndRangeDrops() {
        StorageFiles files = DiskFiles.open(directory);
        try (LsmKeyValueStore store = open(files)) {
            for (int round = 0; round < 3; round++) {
                Transaction t = store.begin(readCommitted());
                for (int i = 0; i < 500; i++) {
                    t.put(key(1, round * 1000 + i), value(i));
                    t.put(key(20, round * 1000 + i), value(i));
                }
                t.commit();
                store.flushNow();
            }
            load(store, 10, KEYS, true);
            load(store, 1, 10, false);
            Transaction t = store.begin(readCommitted());
            t.put(key(10, KEYS + 1), value(1));
            t.commit();
            store.flushNow();
            store.compactTieredNow();
            assertThat(count(store, 10)).isEqualTo(KEYS + 1);
            assertThat(count(store, 1)).isEqualTo(1500);
            store.compactNow();
            assertThat(count(store, 10)).isEqualTo(KEYS + 1);
            assertThat(count(store, 20)).isEqualTo(1500);
            store.destroyRange(prefix(10), prefix(11));
            assertThat(count(store, 10)).isZero();
            store.compactNow();
            assertThat(store.approximateSize(prefix(10), prefix(11))).isZero();
        }
        try (LsmKeyValueStore store = open(files)) {
            assertThat(count(store, 10)).isZero();
            assertThat(count(store, 20)).isEqualTo(1500);
        }
    }

    @Test
    void aLoadIntoARangeWhoseDroppedKeysAreStillInFilesGoesOnTop() {
        StorageFiles files = DiskFiles.open(directory);
        try (LsmKeyValueStore store = open(files)) {
            Transaction t = store.begin(readCommitted());
            for (int i = 0; i < 100; i++) {
                t.put(key(30, i), "old".getBytes());
            }
            t.commit();
            store.flushNow();
            store.destroyRange(prefix(30), prefix(31));
            load(store, 30, 50, true);
            assertThat(count(store, 30)).isEqualTo(50);
            assertThat(get(store, key(30, 1))).isEqualTo(new String(value(1)));
            store.compactNow();
            assertThat(count(store, 30)).isEqualTo(50);
        }
        try (LsmKeyValueStore store = open(files)) {
            assertThat(count(store, 30)).isEqualTo(50);
            assertThat(get(store, key(30, 70))).isNull();
        }
    }

    @Test
    void keysOutOfOrderOrOutsideTheRangeAreRefused() {
        try (LsmKeyValueStore store = open(DiskFiles.open(directory));
             BulkLoad load = store.bulkLoad(prefix(2), prefix(3))) {
            load.add(key(2, 5), value(5));
            assertThatThrownBy(() -> load.add(key(2, 4), value(4))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> load.add(key(3, 9), value(9))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theMemoryStoreLoadsThroughTransactions() {
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults())) {
            load(store, 5, KEYS, false);
            assertThat(count(store, 5)).isZero();
            load(store, 5, KEYS, true);
            assertThat(count(store, 5)).isEqualTo(KEYS);
        }
    }

    /** Loads {@code n} keys of prefix {@code p}; finished, or abandoned (closed before finishing). */
    private static void load(KeyValueStore store, long p, int n, boolean finish) {
        try (BulkLoad load = store.bulkLoad(prefix(p), prefix(p + 1))) {
            for (int i = 0; i < n; i++) {
                load.add(key(p, i), value(i));
            }
            if (finish) {
                load.finish();
            }
        }
    }

    private static int count(KeyValueStore store, long p) {
        Transaction t = store.begin(readCommitted());
        int n = 0;
        try (KeyCursor cursor = t.scan(prefix(p), prefix(p + 1), false)) {
            while (cursor.next()) {
                n++;
            }
        } finally {
            t.rollback();
        }
        return n;
    }

    private static String get(KeyValueStore store, byte[] key) {
        Transaction t = store.begin(readCommitted());
        try {
            byte[] v = t.get(key);
            return v == null ? null : new String(v);
        } finally {
            t.rollback();
        }
    }

    private static List<String> sortedFiles(StorageFiles files) {
        List<String> names = new ArrayList<>();
        for (String name : files.list()) {
            if (name.endsWith(".sst")) {
                names.add(name);
            }
        }
        return names;
    }

    private static byte[] prefix(long p) {
        return ByteBuffer.allocate(8).putLong(p).array();
    }

    private static byte[] key(long p, int i) {
        return ByteBuffer.allocate(12).putLong(p).putInt(i).array();
    }

    private static byte[] value(int i) {
        return ("value-" + i + "-" + "x".repeat(i % 50)).getBytes();
    }
}
