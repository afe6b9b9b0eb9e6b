package io.shale.storage.wal;

import io.shale.storage.file.MemoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appenders, group commits, flushes and segment switches all at once: every record comes back
 * once, each thread's records in its own order, with the LSN its append returned.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrentWalTest {

    private static final int THREADS = 8;
    private static final int RECORDS_PER_THREAD = 1000;

    @Test
    void everyRecordComesBackOnceInItsThreadsOrder() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ConcurrentWalTest seed " + seed);
        MemoryFiles files = new MemoryFiles();
        long[][] lsns = new long[THREADS][RECORDS_PER_THREAD];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        try (WriteAheadLog wal = WriteAheadLog.open(files, new WalConfig(8192, true), 0)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Random random = new Random(seed + t);
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                            int length = random.nextInt(20) == 0 ? 5000 + random.nextInt(10_000) : random.nextInt(200);
                            long lsn = wal.append((byte) thread, ReplayedRecord.payload(thread * RECORDS_PER_THREAD + i, length));
                            lsns[thread][i] = lsn;
                            if (random.nextInt(4) == 0) {
                                wal.awaitDurable(lsn);
                                assertThat(wal.durableLsn()).isGreaterThanOrEqualTo(lsn);
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            Thread flusher = Thread.ofPlatform().start(() -> {
                while (!done.get()) {
                    wal.flush();
                    LockSupport.parkNanos(100_000);
                }
            });
            for (Thread thread : threads) {
                thread.join();
            }
            done.set(true);
            flusher.join();
        }
        assertThat(failure.get()).isNull();
        int[] next = new int[THREADS];
        List<ReplayedRecord> records = ReplayedRecord.replayAll(files, 0);
        long previous = 0;
        for (ReplayedRecord record : records) {
            int thread = record.type();
            int index = next[thread]++;
            assertThat(record.lsn()).isGreaterThan(previous).isEqualTo(lsns[thread][index]);
            int number = (record.payload()[0] & 0xFF) << 24 | (record.payload()[1] & 0xFF) << 16
                    | (record.payload()[2] & 0xFF) << 8 | record.payload()[3] & 0xFF;
            assertThat(number).isEqualTo(thread * RECORDS_PER_THREAD + index);
            assertThat(record.samePayload(ReplayedRecord.payload(number, record.payload().length))).isTrue();
            previous = record.lsn();
        }
        for (int t = 0; t < THREADS; t++) {
            assertThat(next[t]).isEqualTo(RECORDS_PER_THREAD);
        }
        assertThat(WalSegments.list(files).length).isGreaterThan(50);
    }
}
