package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.KeyCursor;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.WaitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.shale.storage.lsm.StoreTestSupport.repeatableRead;
import static io.shale.storage.lsm.StoreTestSupport.withTimeouts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded stress: READ COMMITTED transfers that lock two accounts (in random order, so deadlocks
 * happen and are resolved) and update them, while snapshot readers check that the total never
 * changes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class TransferStressCases {
    private static final int ACCOUNTS = 8;
    private static final long INITIAL = 1_000;

    private final LsmKeyValueStore store;

    TransferStressCases(StoreKind kind) {
        this.store = kind.open(32, 256);
    }

    @org.junit.jupiter.api.AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void transfersKeepTheTotalConstant() throws Exception {
        Transaction setup = store.begin(StoreTestSupport.readCommitted());
        for (int i = 0; i < ACCOUNTS; i++) {
            setup.insert(account(i), encode(INITIAL));
        }
        setup.commit();
        long seed = System.nanoTime();
        System.out.println("TransferStressTest seed " + seed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        AtomicLong deadlocks = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Long>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                SplittableRandom random = new SplittableRandom(seed + t);
                workers.add(CompletableFuture.supplyAsync(() -> transfer(random, deadline, deadlocks), executor));
            }
            CompletableFuture<Long> checker = CompletableFuture.supplyAsync(() -> check(deadline), executor);
            long transfers = 0;
            for (CompletableFuture<Long> worker : workers) {
                transfers += worker.get(20, TimeUnit.SECONDS);
            }
            assertThat(transfers).isPositive();
            System.out.println("TransferStressTest " + transfers + " transfers, " + deadlocks.get() + " deadlocks");
            assertThat(checker.get(20, TimeUnit.SECONDS)).isPositive();
        } finally {
            executor.shutdownNow();
        }
        Transaction last = store.begin(repeatableRead());
        assertThat(total(last)).isEqualTo(ACCOUNTS * INITIAL);
        last.commit();
        assertThat(store.statistics().runningTransactions()).isEmpty();
        assertThat(store.statistics().lockWaits()).isEmpty();
        assertThat(store.lockedKeys()).isZero();
    }

    private long transfer(SplittableRandom random, long deadline, AtomicLong deadlocks) {
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
                deadlocks.incrementAndGet();
                transaction.rollback();
            }
        }
        return done;
    }

    private long check(long deadline) {
        long checks = 0;
        while (System.nanoTime() < deadline || checks == 0) {
            Transaction reader = store.begin(repeatableRead());
            assertThat(total(reader)).isEqualTo(ACCOUNTS * INITIAL);
            long byGet = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                byGet += decode(reader.get(account(i)));
            }
            assertThat(byGet).isEqualTo(ACCOUNTS * INITIAL);
            reader.commit();
            checks++;
            if (checks % 16 == 0) {
                store.pruneNow();
            }
        }
        return checks;
    }

    /** The sum of every account's balance in the reader's snapshot. */
    static long total(Transaction reader) {
        long sum = 0;
        try (KeyCursor cursor = reader.scan(null, null, false)) {
            while (cursor.next()) {
                sum += decode(cursor.value());
            }
        }
        return sum;
    }

    static byte[] account(int index) {
        return new byte[] {'a', (byte) index};
    }

    static byte[] encode(long balance) {
        return ByteBuffer.allocate(8).putLong(balance).array();
    }

    static long decode(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }
}
