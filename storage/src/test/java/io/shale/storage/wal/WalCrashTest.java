package io.shale.storage.wal;

import io.shale.storage.file.CrashMode;
import io.shale.storage.file.FaultInjectingFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Power cuts at every write and sync point of a WAL workload: after recovery every record whose
 * awaitDurable returned is there, the records are exactly a prefix of the log (none half there),
 * and replay never fails on what a power cut left.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WalCrashTest {

    private static final WalConfig CONFIG = new WalConfig(4096, true);
    private static final int RECORDS = 120;
    private static final int RANDOM_RUNS_PER_POINT = 2;

    /** One appended record: its end LSN and what identifies its payload. */
    private record Appended(long lsn, int number, int length) {
    }

    /** What a workload did before the power went: the records appended, and how many are acknowledged. */
    private static final class History {
        final List<Appended> appended = Collections.synchronizedList(new ArrayList<>());
        final List<Appended> acknowledged = Collections.synchronizedList(new ArrayList<>());
    }

    @Test
    void everyWriteAndSyncPointOfASingleThreadedWorkload() {
        long seed = System.nanoTime();
        System.out.println("WalCrashTest.everyWriteAndSyncPointOfASingleThreadedWorkload seed " + seed);
        FaultInjectingFiles dryRun = new FaultInjectingFiles();
        runSingleThreaded(dryRun, new History(), seed);
        long points = dryRun.points();
        assertThat(points).isGreaterThan(50);
        Random random = new Random(seed);
        int runs = 0;
        for (long point = 1; point <= points + 1; point++) {
            for (CrashMode mode : CrashMode.values()) {
                int repeats = mode == CrashMode.DROP_UNSYNCED ? 1 : RANDOM_RUNS_PER_POINT;
                for (int r = 0; r < repeats; r++) {
                    FaultInjectingFiles files = new FaultInjectingFiles();
                    files.cutPowerAtPoint(point);
                    History history = new History();
                    runSingleThreaded(files, history, seed);
                    long crashSeed = random.nextLong();
                    Random crashRandom = new Random(crashSeed);
                    files.crash(mode, crashRandom);
                    cutPowerDuringRecovery(files, mode, crashRandom);
                    verifyAndContinue(files, history, "point " + point + " " + mode + " crash seed " + crashSeed);
                    runs++;
                }
            }
        }
        System.out.println("WalCrashTest: " + points + " points, " + runs + " power cuts");
    }

    @Test
    void randomPointsOfAConcurrentWorkload() throws Exception {
        long seed = System.nanoTime();
        System.out.println("WalCrashTest.randomPointsOfAConcurrentWorkload seed " + seed);
        Random random = new Random(seed);
        for (int run = 0; run < 100; run++) {
            FaultInjectingFiles files = new FaultInjectingFiles();
            long point = 1 + random.nextInt(250);
            files.cutPowerAtPoint(point);
            History history = new History();
            runConcurrent(files, history, 4, 40);
            CrashMode mode = CrashMode.values()[random.nextInt(CrashMode.values().length)];
            long crashSeed = random.nextLong();
            Random crashRandom = new Random(crashSeed);
            files.crash(mode, crashRandom);
            cutPowerDuringRecovery(files, mode, crashRandom);
            verifyAndContinue(files, history, "run " + run + " point " + point + " " + mode
                    + " crash seed " + crashSeed);
        }
    }

    private static void runSingleThreaded(FaultInjectingFiles files, History history, long seed) {
        Random random = new Random(seed);
        try (WriteAheadLog wal = WriteAheadLog.open(files, CONFIG, 0)) {
            int sinceSync = 0;
            int syncEvery = 1 + random.nextInt(4);
            for (int i = 0; i < RECORDS; i++) {
                int length = random.nextInt(300);
                long lsn = wal.append((byte) 1, ReplayedRecord.payload(i, length));
                Appended record = new Appended(lsn, i, length);
                history.appended.add(record);
                if (++sinceSync == syncEvery) {
                    wal.awaitDurable(lsn);
                    history.acknowledged.addAll(history.appended.subList(
                            history.acknowledged.size(), history.appended.size()));
                    sinceSync = 0;
                    syncEvery = 1 + random.nextInt(4);
                } else if (random.nextInt(8) == 0) {
                    wal.flush();
                }
            }
        } catch (RuntimeException e) {
            assertThat(files.powerOff()).as("failure without a power cut: %s", e).isTrue();
        }
    }

    private static void runConcurrent(FaultInjectingFiles files, History history, int threads, int each)
            throws InterruptedException {
        WriteAheadLog wal;
        try {
            wal = WriteAheadLog.open(files, CONFIG, 0);
        } catch (RuntimeException e) {
            return;
        }
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        int number = thread * each + i;
                        long lsn = wal.append((byte) 2, ReplayedRecord.payload(number, 20 + number % 90));
                        Appended record = new Appended(lsn, number, 20 + number % 90);
                        history.appended.add(record);
                        wal.awaitDurable(lsn);
                        history.acknowledged.add(record);
                    }
                } catch (RuntimeException e) {
                    if (!files.powerOff()) {
                        throw e;
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        try {
            wal.close();
        } catch (RuntimeException e) {
            assertThat(files.powerOff()).isTrue();
        }
    }

    /**
     * Half the time, a second power cut during recovery itself (while it cuts the torn tail):
     * the next recovery must still find every acknowledged record.
     */
    private static void cutPowerDuringRecovery(FaultInjectingFiles files, CrashMode mode, Random random) {
        if (random.nextBoolean()) {
            return;
        }
        files.cutPowerAtPoint(1 + random.nextInt(3));
        try {
            WalReader.replay(files, 0, false, (lsn, type, payload) -> { });
        } catch (RuntimeException e) {
            assertThat(files.powerOff()).as("recovery failed without a power cut: %s", e).isTrue();
        }
        files.crash(mode, random);
    }

    /** Recovers, checks the records, then appends after the recovered end and checks again. */
    private static void verifyAndContinue(FaultInjectingFiles files, History history, String context) {
        List<Appended> log = new ArrayList<>(history.appended);
        log.sort(Comparator.comparingLong(Appended::lsn));
        List<ReplayedRecord> recovered = new ArrayList<>();
        long end;
        try {
            end = WalReader.replay(files, 0, false,
                    (lsn, type, payload) -> recovered.add(new ReplayedRecord(lsn, type, payload)));
        } catch (RuntimeException e) {
            throw new AssertionError("replay failed after " + context, e);
        }
        checkPrefix(recovered, log, history.acknowledged, context);
        try (WriteAheadLog wal = WriteAheadLog.open(files, CONFIG, end)) {
            for (int i = 0; i < 3; i++) {
                wal.awaitDurable(wal.append((byte) 3, ReplayedRecord.payload(100_000 + i, 33)));
            }
        }
        List<ReplayedRecord> again = ReplayedRecord.replayAll(files, 0);
        assertThat(again).as(context).hasSize(recovered.size() + 3);
        assertThat(again.getLast().samePayload(ReplayedRecord.payload(100_002, 33))).as(context).isTrue();
    }

    private static void checkPrefix(List<ReplayedRecord> recovered, List<Appended> log,
                                    List<Appended> acknowledged, String context) {
        assertThat(recovered.size()).as("records beyond those appended after %s", context)
                .isLessThanOrEqualTo(log.size());
        for (int i = 0; i < recovered.size(); i++) {
            Appended expected = log.get(i);
            ReplayedRecord actual = recovered.get(i);
            assertThat(actual.lsn()).as("record %d after %s", i, context).isEqualTo(expected.lsn());
            assertThat(actual.samePayload(ReplayedRecord.payload(expected.number(), expected.length())))
                    .as("payload of record %d after %s", i, context).isTrue();
        }
        long recoveredEnd = recovered.isEmpty() ? 0 : recovered.getLast().lsn();
        synchronized (acknowledged) {
            for (Appended record : acknowledged) {
                assertThat(record.lsn()).as("acknowledged record %d lost after %s", record.number(), context)
                        .isLessThanOrEqualTo(recoveredEnd);
            }
        }
    }
}
