package io.shale.storage.lsm;

import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyCursor;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.file.CrashMode;
import io.shale.storage.file.FaultInjectingFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Power cuts at the write and sync points of a transactional workload on the store: after
 * recovery exactly the acknowledged transactions are there, and a transaction whose commit had
 * not returned is there whole or not at all. Each worker owns its keys and runs its transactions
 * one after the other, so the store's state per worker must equal the model after some prefix of
 * that worker's transactions: at least up to its last acknowledged synchronous commit, at most up
 * to the commit it was in. {@code -Dstorecrash.seed} replays a sampled run, {@code -Dstorecrash.runs}
 * samples more points.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoreCrashTest {

    /** Small segments and a checkpoint every 8 KiB of log: segment switches, flushes, recycling. */
    private static final LsmConfig CONFIG = LsmConfig.defaults().withWal(4096, 8192);
    private static final int KEYS_PER_WORKER = 300;

    /** One operation of a planned transaction. */
    private sealed interface Op {
        String key();
    }

    private record Put(String key, String value) implements Op {
    }

    private record Insert(String key, String value) implements Op {
    }

    private record Delete(String key) implements Op {
    }

    /** A planned transaction: its operations, whether its commit is synchronous, or a rollback. */
    private record Plan(List<Op> ops, boolean synchronous, boolean rollback) {
        /**
         * Whether it writes anything on top of {@code committed}: one that does not (a delete of
         * an absent key, an insert of a present one) logs nothing and, as in PostgreSQL, its
         * commit does not wait for earlier asynchronous commits to become durable.
         */
        boolean writesOn(Map<String, String> committed) {
            Map<String, String> state = new TreeMap<>(committed);
            boolean writes = false;
            for (Op op : ops) {
                switch (op) {
                    case Put put -> {
                        state.put(put.key(), put.value());
                        writes = true;
                    }
                    case Insert insert -> writes |= state.putIfAbsent(insert.key(), insert.value()) == null;
                    case Delete delete -> writes |= state.remove(delete.key()) != null;
                }
            }
            return writes;
        }

        void applyTo(Map<String, String> model) {
            if (rollback) {
                return;
            }
            for (Op op : ops) {
                switch (op) {
                    case Put put -> model.put(put.key(), put.value());
                    case Insert insert -> model.putIfAbsent(insert.key(), insert.value());
                    case Delete delete -> model.remove(delete.key());
                }
            }
        }
    }

    /** One worker's plan and how far it got before the power went. */
    private static final class Worker {
        final int number;
        final List<Plan> plans;
        /** Transactions whose commit was called (the last one may not have returned). */
        volatile int commitsCalled;
        /** Transactions up to and including the last synchronous commit that returned. */
        volatile int durablePrefix;
        /** The worker's keys as its committed transactions left them. */
        private final Map<String, String> committed = new TreeMap<>();

        Worker(int number, List<Plan> plans) {
            this.number = number;
            this.plans = plans;
        }

        void run(LsmKeyValueStore store, FaultInjectingFiles files) {
            try {
                for (int i = 0; i < plans.size(); i++) {
                    Plan plan = plans.get(i);
                    TransactionOptions options = new TransactionOptions(
                            TransactionOptions.IsolationLevel.READ_COMMITTED, false, Duration.ZERO,
                            Duration.ofSeconds(1), plan.synchronous());
                    Transaction transaction = store.begin(options);
                    for (Op op : plan.ops()) {
                        switch (op) {
                            case Put put -> transaction.put(bytes(put.key()), bytes(put.value()));
                            case Insert insert -> transaction.insert(bytes(insert.key()), bytes(insert.value()));
                            case Delete delete -> transaction.delete(bytes(delete.key()));
                        }
                    }
                    if (plan.rollback()) {
                        transaction.rollback();
                        continue;
                    }
                    boolean writes = plan.writesOn(committed);
                    commitsCalled = i + 1;
                    transaction.commit();
                    plan.applyTo(committed);
                    if (plan.synchronous() && writes) {
                        durablePrefix = i + 1;
                    }
                }
            } catch (RuntimeException e) {
                if (!files.powerOff()) {
                    throw e;
                }
            }
        }
    }

    @Test
    void everyWriteAndSyncPointOfASingleWorker() {
        long seed = System.nanoTime();
        System.out.println("StoreCrashTest.everyWriteAndSyncPointOfASingleWorker seed " + seed);
        FaultInjectingFiles dryRun = new FaultInjectingFiles();
        runToCompletion(dryRun, plan(seed, 1, 120));
        long points = dryRun.points();
        System.out.println("StoreCrashTest files after the workload: " + dryRun.list());
        System.out.println("StoreCrashTest: " + points + " write and sync points");
        Random random = new Random(seed);
        long started = System.nanoTime();
        int runs = 0;
        CrashMode[] randomModes = {CrashMode.TORN_PREFIX, CrashMode.REORDER};
        for (long point = 1; point <= points + 1; point++) {
            CrashMode[] modes = {CrashMode.DROP_UNSYNCED, randomModes[random.nextInt(2)]};
            for (CrashMode mode : modes) {
                FaultInjectingFiles files = new FaultInjectingFiles();
                List<Worker> workers = plan(seed, 1, 120);
                long crashSeed = random.nextLong();
                runAndCrash(files, workers, point, mode, crashSeed, "single worker");
                runs++;
            }
        }
        System.out.printf("StoreCrashTest: %d power cuts in %d ms%n", runs,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Test
    void sampledPointsOfConcurrentWorkers() {
        long seed = Long.getLong("storecrash.seed", System.nanoTime());
        int runs = Integer.getInteger("storecrash.runs", 120);
        System.out.println("StoreCrashTest.sampledPointsOfConcurrentWorkers seed " + seed + ", " + runs + " runs");
        Random random = new Random(seed);
        for (int run = 0; run < runs; run++) {
            FaultInjectingFiles files = new FaultInjectingFiles();
            List<Worker> workers = plan(seed + run, 4, 40);
            long point = 1 + random.nextInt(220);
            CrashMode mode = CrashMode.values()[random.nextInt(CrashMode.values().length)];
            runAndCrash(files, workers, point, mode, random.nextLong(), "run " + run);
        }
    }

    private static void runToCompletion(FaultInjectingFiles files, List<Worker> workers) {
        try (LsmKeyValueStore store = open(files)) {
            runWorkers(store, files, workers);
        }
    }

    private static void runAndCrash(FaultInjectingFiles files, List<Worker> workers, long point,
                                    CrashMode mode, long crashSeed, String run) {
        String context = run + " point " + point + " " + mode + " crash seed " + crashSeed;
        files.cutPowerAtPoint(point);
        LsmKeyValueStore store = null;
        try {
            store = open(files);
            runWorkers(store, files, workers);
        } catch (RuntimeException e) {
            assertThat(files.powerOff()).as("failure without a power cut at %s: %s", context, e).isTrue();
        } finally {
            if (store != null) {
                store.simulateCrash();
            }
        }
        files.crash(mode, new Random(crashSeed));
        try (LsmKeyValueStore recovered = open(files)) {
            Map<String, String> contents = contents(recovered);
            for (Worker worker : workers) {
                checkWorker(worker, contents, context);
            }
            commitOne(recovered, "after-crash", "1");
        } catch (RuntimeException e) {
            throw new AssertionError("recovery failed after " + context, e);
        }
        try (LsmKeyValueStore again = open(files)) {
            assertThat(contents(again)).as("second restart after %s", context).containsEntry("after-crash", "1");
        }
    }

    private static void checkWorker(Worker worker, Map<String, String> contents, String context) {
        String prefix = "w" + worker.number + "-";
        Map<String, String> actual = new TreeMap<>();
        for (Map.Entry<String, String> entry : contents.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                actual.put(entry.getKey(), entry.getValue());
            }
        }
        Map<String, String> model = new TreeMap<>();
        int from = worker.durablePrefix;
        int to = Math.max(worker.commitsCalled, from);
        for (int i = 0; i < from; i++) {
            worker.plans.get(i).applyTo(model);
        }
        Map<String, String> acknowledged = new TreeMap<>(model);
        for (int length = from; ; length++) {
            if (model.equals(actual)) {
                return;
            }
            if (length == to) {
                break;
            }
            worker.plans.get(length).applyTo(model);
        }
        Map<String, String> missing = new TreeMap<>(acknowledged);
        missing.entrySet().removeAll(actual.entrySet());
        Map<String, String> unexpected = new TreeMap<>(actual);
        unexpected.entrySet().removeAll(acknowledged.entrySet());
        throw new AssertionError("worker " + worker.number + " after " + context
                + ": the store matches no prefix of its transactions from " + from + " (acknowledged) to "
                + to + " (commits called); against the acknowledged state it lacks " + missing
                + " and has " + unexpected + "; transactions from there: "
                + worker.plans.subList(Math.max(0, from - 3), to));
    }

    private static List<Worker> plan(long seed, int workers, int transactionsEach) {
        Random random = new Random(seed);
        List<Worker> result = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            List<Plan> plans = new ArrayList<>();
            for (int t = 0; t < transactionsEach; t++) {
                int count = 1 + random.nextInt(5);
                List<Op> ops = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String key = "w" + w + "-" + String.format("%03d", random.nextInt(KEYS_PER_WORKER));
                    String value = "t" + t + "." + i;
                    int kind = random.nextInt(10);
                    ops.add(kind < 5 ? new Put(key, value) : kind < 8 ? new Insert(key, value) : new Delete(key));
                }
                plans.add(new Plan(ops, random.nextInt(6) != 0, random.nextInt(12) == 0));
            }
            result.add(new Worker(w, plans));
        }
        return result;
    }

    private static void runWorkers(LsmKeyValueStore store, FaultInjectingFiles files, List<Worker> workers) {
        if (workers.size() == 1) {
            workers.getFirst().run(store, files);
            return;
        }
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            threads.add(Thread.ofVirtual().start(() -> worker.run(store, files)));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static LsmKeyValueStore open(FaultInjectingFiles files) {
        return LsmKeyValueStore.open(files, CONFIG, new HybridLogicalClock());
    }

    private static Map<String, String> contents(LsmKeyValueStore store) {
        Map<String, String> contents = new TreeMap<>();
        Transaction reader = store.begin(TransactionOptions.defaults());
        try (KeyCursor cursor = reader.scan(null, null, false)) {
            while (cursor.next()) {
                contents.put(text(cursor.key()), text(cursor.value()));
            }
        }
        reader.commit();
        return contents;
    }

    private static void commitOne(LsmKeyValueStore store, String key, String value) {
        Transaction transaction = store.begin(TransactionOptions.defaults());
        transaction.put(bytes(key), bytes(value));
        transaction.commit();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
