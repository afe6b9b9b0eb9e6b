package io.shale.storage.lsm;

import io.shale.common.error.ShaleException;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.file.CrashMode;
import io.shale.storage.file.FaultInjectingFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import static io.shale.storage.lsm.StoreTestSupport.bytes;
import static io.shale.storage.lsm.StoreTestSupport.commitPuts;
import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regressions of recovery after a crash or an in-JVM kill: a checkpoint must never name a log
 * position the log had not made durable (recovery then found the log ending before its start),
 * and a killed store must stop writing its files before a restart in the same JVM recovers them
 * (recovery then saw the log grow under it).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KillAndCheckpointTest {
    /** No checkpoint or compaction of the store's own: the tests decide when. */
    private static final LsmConfig CONFIG = LsmConfig.defaults().withCompaction(false).withWal(4096, 1L << 30);
    private static final TransactionOptions ASYNCHRONOUS = new TransactionOptions(
            TransactionOptions.IsolationLevel.READ_COMMITTED, false, Duration.ZERO, Duration.ofSeconds(1), false);

    private static LsmKeyValueStore open(FaultInjectingFiles files) {
        return LsmKeyValueStore.open(files, CONFIG, new HybridLogicalClock());
    }

    /**
     * An asynchronous commit is not durable when it returns; a checkpoint right after it names the
     * log's end in the manifest. The log must be synced up to there first, else a power cut that
     * drops the unsynced log leaves a manifest whose replay start lies past the end of the log.
     */
    @Test
    void aCheckpointRightAfterAnAsynchronousCommitSurvivesAPowerCut() {
        long seed = System.nanoTime();
        System.out.println("KillAndCheckpointTest.aCheckpointRightAfterAnAsynchronousCommitSurvivesAPowerCut seed " + seed);
        Random random = new Random(seed);
        for (CrashMode mode : CrashMode.values()) {
            for (int attempt = 0; attempt < 4; attempt++) {
                String context = mode + " attempt " + attempt + " seed " + seed;
                FaultInjectingFiles files = new FaultInjectingFiles();
                LsmKeyValueStore store = open(files);
                commitPuts(store, "synchronous", "1");
                Transaction asynchronous = store.begin(ASYNCHRONOUS);
                asynchronous.put(bytes("asynchronous"), bytes("1"));
                asynchronous.commit();
                store.flushNow();
                store.simulateCrash();
                files.crash(mode, random);
                try (LsmKeyValueStore recovered = open(files)) {
                    Transaction reader = recovered.begin(readCommitted());
                    assertThat(text(reader.get(bytes("synchronous")))).as(context).isEqualTo("1");
                    assertThat(text(reader.get(bytes("asynchronous")))).as("checkpointed, %s", context).isEqualTo("1");
                    reader.commit();
                    commitPuts(recovered, "after", "1");
                }
                try (LsmKeyValueStore again = open(files)) {
                    assertThat(text(again.begin(readCommitted()).get(bytes("after")))).as(context).isEqualTo("1");
                }
            }
        }
    }

    /**
     * A kill (no power cut: what was written stays) while writers commit, one of them commits
     * too large for one log record (appended in parts, written out as the batch fills): once
     * {@link LsmKeyValueStore#simulateCrash()} returns nothing writes the files any more, a store
     * recovering from them at once, while the old writers are still winding down, finds every
     * acknowledged commit, and it keeps working.
     */
    @Test
    void aKilledStoreStopsWritingBeforeTheRestartRecovers() throws Exception {
        long seed = System.nanoTime();
        System.out.println("KillAndCheckpointTest.aKilledStoreStopsWritingBeforeTheRestartRecovers seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            String context = "round " + round + " seed " + seed;
            FaultInjectingFiles files = new FaultInjectingFiles();
            LsmKeyValueStore store = open(files);
            int writers = 4;
            AtomicIntegerArray acknowledged = new AtomicIntegerArray(writers);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Runnable work = () -> write(store, writer, writer == 0 ? 80 : 1, acknowledged, stop);
                threads.add(w % 2 == 0 ? Thread.ofPlatform().start(work) : Thread.ofVirtual().start(work));
            }
            int target = 1 + random.nextInt(3);
            while (acknowledged.get(0) < target) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(20)));

            store.simulateCrash();
            long points = files.points();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(30));
            assertThat(files.points()).as("writes or syncs after the kill, %s", context).isEqualTo(points);
            try (LsmKeyValueStore recovered = open(files)) {
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join();
                }
                Transaction reader = recovered.begin(readCommitted());
                for (int w = 0; w < writers; w++) {
                    for (int i = 0; i < acknowledged.get(w); i++) {
                        assertThat(reader.get(key(w, i, 0))).as("writer %d commit %d, %s", w, i, context).isNotNull();
                    }
                }
                reader.commit();
                commitPuts(recovered, "after", "1");
            }
            try (LsmKeyValueStore again = open(files)) {
                assertThat(text(again.begin(readCommitted()).get(bytes("after")))).as(context).isEqualTo("1");
            }
        }
    }

    /** Commits transactions of {@code values} 64 KiB values each until stopped or refused. */
    private static void write(LsmKeyValueStore store, int writer, int values, AtomicIntegerArray acknowledged,
                              AtomicBoolean stop) {
        byte[] value = new byte[64 << 10];
        for (int i = 0; !stop.get(); i++) {
            try {
                Transaction transaction = store.begin(readCommitted());
                for (int v = 0; v < values; v++) {
                    transaction.put(key(writer, i, v), value);
                }
                transaction.commit();
                acknowledged.set(writer, i + 1);
            } catch (ShaleException e) {
                return;
            }
        }
    }

    private static byte[] key(int writer, int commit, int value) {
        return bytes("w" + writer + "-" + commit + "-" + value);
    }
}
