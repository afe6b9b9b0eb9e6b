package io.shale.storage.wal;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.CountingFiles;
import io.shale.storage.file.MemoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link WriteAheadLog#halt()}, the in-JVM analogue of killing the process: once it returns no
 * thread of the halted log writes or syncs its files, so a store recovering from them in the same
 * JVM (a node restarted after a kill) never sees them change under it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WalHaltTest {

    private static final WalConfig SMALL_SEGMENTS = new WalConfig(4096, true);

    @Test
    void haltDropsWhatWasNotWrittenAndRefusesEverythingAfter() {
        MemoryFiles files = new MemoryFiles();
        WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0);
        for (int i = 0; i < 10; i++) {
            wal.append((byte) 1, ReplayedRecord.payload(i, 100));
        }
        long durable = wal.endLsn();
        wal.awaitDurable(durable);
        long pending = wal.append((byte) 1, ReplayedRecord.payload(10, 100));
        long size = files.totalSize();

        wal.halt();

        assertStopped(() -> wal.append((byte) 1, ReplayedRecord.payload(11, 100)));
        assertStopped(() -> wal.awaitDurable(pending));
        assertStopped(wal::flush);
        assertStopped(() -> wal.recycleBefore(durable));
        wal.close();
        wal.halt();
        assertThat(files.totalSize()).isEqualTo(size);
        List<ReplayedRecord> records = ReplayedRecord.replayAll(files, 0);
        assertThat(records).hasSize(10);
        assertThat(records.getLast().lsn()).isEqualTo(durable);
    }

    @Test
    void afterHaltReturnsConcurrentWritersNoLongerTouchTheFiles() throws Exception {
        long seed = System.nanoTime();
        System.out.println("WalHaltTest seed " + seed);
        Random random = new Random(seed);
        CountingFiles files = new CountingFiles(new MemoryFiles(), TimeUnit.MICROSECONDS.toNanos(200));
        WriteAheadLog wal = WriteAheadLog.open(files, SMALL_SEGMENTS, 0);
        AtomicLong acknowledged = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int writer = t;
            Runnable work = () -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        long lsn = wal.append((byte) 1, ReplayedRecord.payload(i, writer == 0 ? 3000 : 60));
                        if (writer % 2 == 0) {
                            wal.flush();
                        }
                        wal.awaitDurable(lsn);
                        acknowledged.accumulateAndGet(lsn, Math::max);
                    } catch (ShaleException e) {
                        return;
                    }
                }
            };
            writers.add(t % 2 == 0 ? Thread.ofPlatform().start(work) : Thread.ofVirtual().start(work));
        }
        while (acknowledged.get() < 20_000 + random.nextInt(20_000)) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }

        wal.halt();
        long writes = files.writes();
        long syncs = files.fileSyncs() + files.directorySyncs();
        long size = files.totalSize();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        stop.set(true);
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(files.writes()).as("writes after halt, seed %d", seed).isEqualTo(writes);
        assertThat(files.fileSyncs() + files.directorySyncs()).as("syncs after halt, seed %d", seed).isEqualTo(syncs);
        assertThat(files.totalSize()).as("size after halt, seed %d", seed).isEqualTo(size);
        long end = WalReader.replay(files, 0, false, (lsn, type, payload) -> { });
        assertThat(end).as("every acknowledged record is there, seed %d", seed)
                .isGreaterThanOrEqualTo(acknowledged.get());
        try (WriteAheadLog reopened = WriteAheadLog.open(files, SMALL_SEGMENTS, end)) {
            reopened.awaitDurable(reopened.append((byte) 2, new byte[8]));
        }
    }

    private static void assertStopped(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ShaleException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ADMIN_SHUTDOWN));
    }
}
