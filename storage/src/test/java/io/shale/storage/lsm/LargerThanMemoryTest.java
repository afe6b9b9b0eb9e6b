package io.shale.storage.lsm;

import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyCursor;
import io.shale.storage.Transaction;
import io.shale.storage.file.DiskFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table four times the store's memory budget (8 MiB: a 4 MiB memtable share, a 2 MiB block
 * cache) loads, scans and updates, on disk, while the memtable stays bounded: it is flushed to
 * sorted files, which compaction merges, and reads come back through the block cache.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LargerThanMemoryTest {
    private static final long BUDGET = 8L << 20;
    private static final int ROWS = 64 * 1024;
    private static final int VALUE_SIZE = 512;
    private static final long TABLE = 42;

    @TempDir
    Path directory;

    private long peakMemtable;

    @Test
    void aTableFourTimesTheBudgetLoadsScansAndUpdates() {
        LsmConfig config = LsmConfig.defaults().withMemoryBudget(BUDGET).withFsync(false)
                .withWal(4L << 20, 16L << 20);
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();
        try (LsmKeyValueStore store = LsmKeyValueStore.open(DiskFiles.open(directory), config, new HybridLogicalClock())) {
            for (int batch = 0; batch < ROWS / 1024; batch++) {
                Transaction load = store.begin(readCommitted());
                for (int i = batch * 1024; i < (batch + 1) * 1024; i++) {
                    assertThat(load.insert(key(i), value(i, 0))).isTrue();
                }
                load.commit();
                sample(store);
            }
            long loaded = System.nanoTime();
            assertThat(scan(store, 0)).isEqualTo(ROWS);
            long scanned = System.nanoTime();
            for (int batch = 0; batch < ROWS / 4 / 512; batch++) {
                Transaction update = store.begin(readCommitted());
                for (int i = batch * 512; i < (batch + 1) * 512; i++) {
                    int row = i * 4;
                    byte[] current = update.lock(key(row), io.shale.storage.LockStrength.FOR_NO_KEY_UPDATE,
                            io.shale.storage.WaitPolicy.WAIT);
                    assertThat(ByteBuffer.wrap(current).getInt(0)).isEqualTo(row);
                    update.put(key(row), value(row, 1));
                }
                update.commit();
                sample(store);
            }
            long updated = System.nanoTime();
            assertThat(scan(store, 1)).isEqualTo(ROWS);
            Transaction reader = store.begin(readCommitted());
            for (int row = 0; row < ROWS; row += 997) {
                assertThat(ByteBuffer.wrap(reader.get(key(row))).getInt(4)).isEqualTo(row % 4 == 0 ? 1 : 0);
            }
            reader.commit();
            long heapDuring = usedHeapAfterGc();
            FileSet files = store.tier().current();
            long size = store.approximateSize(prefix(TABLE), prefix(TABLE + 1));
            System.out.printf("LargerThanMemoryTest: %d rows of %d bytes; load %d ms, scan %d ms, update of a quarter"
                            + " %d ms; peak memtable %d KiB (share %d KiB); %d files, %d KiB on disk, table size %d KiB;"
                            + " block cache %d KiB of %d KiB; heap held %d KiB%n",
                    ROWS, VALUE_SIZE, (loaded - start) / 1_000_000, (scanned - loaded) / 1_000_000,
                    (updated - scanned) / 1_000_000, peakMemtable >> 10, store.memtableBudget() >> 10,
                    files.files.size(), files.totalBytes() >> 10, size >> 10,
                    store.tier().cache.usedBytes() >> 10, store.tier().cache.capacityBytes() >> 10,
                    (heapDuring - heapBefore) >> 10);
            assertThat(store.maintenanceFailure()).isNull();
            // writers stall at four shares, for at most a second per commit: on a loaded machine the
            // flush may lag a little further behind, but the memtable stays far below the table
            assertThat(peakMemtable).isLessThan(6 * store.memtableBudget());
            assertThat(store.tier().cache.usedBytes()).isLessThanOrEqualTo(store.tier().cache.capacityBytes());
            assertThat(files.files.size()).isLessThanOrEqualTo(FileCompaction.MAX_FILES + 1);
            assertThat(size).isGreaterThan((long) ROWS * VALUE_SIZE / 4);
            assertThat(heapDuring - heapBefore).isLessThan(3 * BUDGET);
        }
    }

    private void sample(LsmKeyValueStore store) {
        peakMemtable = Math.max(peakMemtable, store.versions().memoryBytes());
    }

    private long scan(LsmKeyValueStore store, int updatedVersion) {
        Transaction reader = store.begin(readCommitted());
        long rows = 0;
        try (KeyCursor cursor = reader.scan(prefix(TABLE), prefix(TABLE + 1), false)) {
            while (cursor.next()) {
                int row = ByteBuffer.wrap(cursor.value()).getInt(0);
                assertThat(row).isEqualTo(rows);
                assertThat(ByteBuffer.wrap(cursor.value()).getInt(4)).isEqualTo(row % 4 == 0 ? updatedVersion : 0);
                rows++;
                if (rows % 4096 == 0) {
                    sample(store);
                }
            }
        }
        reader.commit();
        return rows;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static byte[] prefix(long table) {
        return ByteBuffer.allocate(8).putLong(table).array();
    }

    private static byte[] key(int row) {
        return ByteBuffer.allocate(16).putLong(TABLE).putLong(row).array();
    }

    private static byte[] value(int row, int version) {
        ByteBuffer value = ByteBuffer.allocate(VALUE_SIZE);
        value.putInt(row).putInt(version);
        long state = row * 0x9E3779B97F4A7C15L + version;
        while (value.remaining() >= 8) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            value.putLong(value.remaining() % 64 == 0 ? state : row);
        }
        return value.array();
    }
}
