package io.shale.storage.wal;

import io.shale.storage.file.CountingFiles;
import io.shale.storage.file.MemoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent commits share fsyncs: far fewer syncs than commits, and every commit durable. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitTest {

    private static final int THREADS = 16;
    private static final int COMMITS_PER_THREAD = 40;

    @Test
    void concurrentCommitsSharePlatformThreadSyncs() throws Exception {
        runCommits(false);
    }

    @Test
    void concurrentCommitsShareVirtualThreadSyncs() throws Exception {
        runCommits(true);
    }

    private static void runCommits(boolean virtual) throws Exception {
        CountingFiles files = new CountingFiles(new MemoryFiles(), TimeUnit.MILLISECONDS.toNanos(2));
        DurableCommits durable = new DurableCommits();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        long syncsBefore;
        Set<Thread> syncersBefore = syncers();
        try (WriteAheadLog wal = WriteAheadLog.open(files, new WalConfig(1 << 20, true), 0)) {
            syncsBefore = files.fileSyncs();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Runnable work = () -> {
                    try {
                        start.await();
                        for (int i = 0; i < COMMITS_PER_THREAD; i++) {
                            int number = thread * COMMITS_PER_THREAD + i;
                            long lsn = wal.append((byte) 1, ReplayedRecord.payload(number, 40));
                            wal.awaitDurable(lsn);
                            assertThat(wal.durableLsn()).isGreaterThanOrEqualTo(lsn);
                            durable.add(number);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                };
                threads.add(virtual ? Thread.ofVirtual().start(work) : Thread.ofPlatform().start(work));
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
        assertThat(failure.get()).isNull();
        Set<Thread> syncersAfter = syncers();
        syncersAfter.removeAll(syncersBefore);
        assertThat(syncersAfter).as("syncer threads left running by a closed log").isEmpty();
        int commits = THREADS * COMMITS_PER_THREAD;
        long syncs = files.fileSyncs() - syncsBefore;
        System.out.printf("group commit (%s threads): %d commits, %d syncs%n",
                virtual ? "virtual" : "platform", commits, syncs);
        assertThat(syncs).isLessThan(commits / 3);
        assertThat(durable.size()).isEqualTo(commits);
        assertThat(ReplayedRecord.replayAll(files, 0)).hasSize(commits);
    }

    private static Set<Thread> syncers() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("shale-wal-sync") && thread.isAlive()) {
                threads.add(thread);
            }
        }
        return threads;
    }

    /** The numbers of the commits whose awaitDurable returned. */
    private static final class DurableCommits {
        private final ConcurrentHashMap<Integer, Boolean> numbers = new ConcurrentHashMap<>();

        void add(int number) {
            numbers.put(number, Boolean.TRUE);
        }

        int size() {
            return numbers.size();
        }
    }
}
