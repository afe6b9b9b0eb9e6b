package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyCursor;
import io.shale.storage.LockStrength;
import io.shale.storage.StoreSnapshot;
import io.shale.storage.Transaction;
import io.shale.storage.WaitPolicy;
import io.shale.storage.file.MemoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static io.shale.storage.lsm.StoreTestSupport.repeatableRead;
import static io.shale.storage.lsm.StoreTestSupport.withTimeouts;
import static io.shale.storage.lsm.TransferStressCases.account;
import static io.shale.storage.lsm.TransferStressCases.decode;
import static io.shale.storage.lsm.TransferStressCases.encode;
import static io.shale.storage.lsm.TransferStressCases.total;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers between accounts while flushes, cuts and compactions run back to back: every
 * snapshot (transaction scans and gets, store snapshots) keeps seeing a constant total, so no
 * version is lost or seen twice while it moves from the memtable to the files.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlushUnderLoadTest {
    private static final int ACCOUNTS = 64;
    private static final long INITIAL = 1_000;

    @Test
    void totalsStayConstantWhileVersionsMoveToFiles() throws Exception {
        MemoryFiles files = new MemoryFiles();
        LsmKeyValueStore store = LsmKeyValueStore.open(files, LsmConfig.defaults(), new HybridLogicalClock());
        Transaction setup = store.begin(readCommitted());
        for (int i = 0; i < ACCOUNTS; i++) {
            setup.insert(account(i), encode(INITIAL));
        }
        setup.commit();
        long seed = System.nanoTime();
        System.out.println("FlushUnderLoadTest seed " + seed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        ExecutorService executor = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Long>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                SplittableRandom random = new SplittableRandom(seed + t);
                work.add(CompletableFuture.supplyAsync(() -> transfer(store, random, deadline), executor));
            }
            work.add(CompletableFuture.supplyAsync(() -> check(store, deadline), executor));
            work.add(CompletableFuture.supplyAsync(() -> checkSnapshots(store, deadline), executor));
            work.add(CompletableFuture.supplyAsync(() -> maintain(store, deadline), executor));
            long[] counts = new long[work.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = work.get(i).get(50, TimeUnit.SECONDS);
                assertThat(counts[i]).isPositive();
            }
            System.out.printf("FlushUnderLoadTest: %d+%d+%d transfers, %d checks, %d snapshot checks, %d flushes%n",
                    counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
        } finally {
            executor.shutdownNow();
        }
        assertThat(store.maintenanceFailure()).isNull();
        store.close();
        try (LsmKeyValueStore reopened = LsmKeyValueStore.open(files, LsmConfig.defaults(), new HybridLogicalClock())) {
            Transaction reader = reopened.begin(repeatableRead());
            assertThat(total(reader)).isEqualTo(ACCOUNTS * INITIAL);
            reader.commit();
        }
    }

    private static long transfer(LsmKeyValueStore store, SplittableRandom random, long deadline) {
        long done = 0;
        while (System.nanoTime() < deadline) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            long amount = random.nextInt(50);
            Transaction transaction = store.begin(withTimeouts(Duration.ZERO, Duration.ofMillis(20)));
            try {
                long fromBalance = decode(transaction.lock(account(from), LockStrength.FOR_NO_KEY_UPDATE, WaitPolicy.WAIT));
                long toBalance = decode(transaction.lock(account(to), LockStrength.FOR_UPDATE, WaitPolicy.WAIT));
                transaction.put(account(from), encode(fromBalance - amount));
                transaction.put(account(to), encode(toBalance + amount));
                transaction.commit();
                done++;
            } catch (ShaleException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.DEADLOCK_DETECTED);
                transaction.rollback();
            }
        }
        return done;
    }

    private static long check(LsmKeyValueStore store, long deadline) {
        long checks = 0;
        while (System.nanoTime() < deadline || checks == 0) {
            Transaction reader = store.begin(repeatableRead());
            assertThat(total(reader)).isEqualTo(ACCOUNTS * INITIAL);
            long byGet = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                byGet += decode(reader.get(account(i)));
            }
            assertThat(byGet).isEqualTo(ACCOUNTS * INITIAL);
            try (KeyCursor cursor = reader.scan(null, null, true)) {
                int count = 0;
                while (cursor.next()) {
                    count++;
                }
                assertThat(count).isEqualTo(ACCOUNTS);
            }
            reader.commit();
            checks++;
        }
        return checks;
    }

    private static long checkSnapshots(LsmKeyValueStore store, long deadline) {
        long checks = 0;
        while (System.nanoTime() < deadline || checks == 0) {
            try (StoreSnapshot snapshot = store.openSnapshot()) {
                long sum = 0;
                try (KeyCursor cursor = snapshot.scan(null, null)) {
                    while (cursor.next()) {
                        sum += decode(cursor.value());
                    }
                }
                assertThat(sum).isEqualTo(ACCOUNTS * INITIAL);
            }
            checks++;
        }
        return checks;
    }

    private static long maintain(LsmKeyValueStore store, long deadline) {
        long rounds = 0;
        while (System.nanoTime() < deadline) {
            store.flushNow();
            if (++rounds % 4 == 0) {
                store.compactNow();
            } else if (rounds % 4 == 2) {
                store.compactTieredNow();
            }
            if (rounds % 3 == 0) {
                store.pruneNow();
            }
        }
        return rounds;
    }
}
