package io.shale.storage.lsm;

import io.shale.storage.HybridLogicalClock;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.WaitPolicy;
import io.shale.storage.file.CountingFiles;
import io.shale.storage.file.DiskFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.shale.storage.lsm.StoreTestSupport.readCommitted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pgbench-like load at scale 10 (update an account, a teller and one of 10 branches, insert a
 * history row; or only the account and the history row) on 8 virtual threads, as sessions run,
 * over a synced log on disk: concurrent commits must share fsyncs, and the balances must add up
 * afterwards. (A transaction holds its branch's row lock until its commit is durable, as in
 * PostgreSQL, so commits on one branch cannot share a sync.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GroupCommitTest {
    private static final int THREADS = 8;
    private static final int TRANSACTIONS_PER_THREAD = 150;
    private static final int ACCOUNTS = 1000;
    private static final int TELLERS = 100;
    private static final int BRANCHES = 10;

    @TempDir
    Path directory;

    @Test
    void tpcbLikeCommitsShareFsyncs() throws Exception {
        run(true, 1.5);
    }

    @Test
    void simpleUpdateCommitsShareFsyncs() throws Exception {
        run(false, 2.0);
    }

    /**
     * Runs the load and checks that there were at least {@code commitsPerSync} — when a sync
     * costs enough for commits to pile up behind it (not on a RAM disk).
     */
    private void run(boolean tellersAndBranches, double commitsPerSync) throws Exception {
        CountingFiles files = new CountingFiles(DiskFiles.open(directory.resolve(tellersAndBranches ? "tpcb" : "simple")), 0);
        long seed = System.nanoTime();
        System.out.println("GroupCommitTest seed " + seed);
        try (LsmKeyValueStore store = LsmKeyValueStore.open(files, LsmConfig.defaults(), new HybridLogicalClock())) {
            Transaction setup = store.begin(readCommitted());
            for (int i = 0; i < ACCOUNTS; i++) {
                setup.insert(key('a', i), encode(0));
            }
            for (int i = 0; i < TELLERS; i++) {
                setup.insert(key('t', i), encode(0));
            }
            for (int i = 0; i < BRANCHES; i++) {
                setup.insert(key('b', i), encode(0));
            }
            setup.commit();
            long syncsBefore = files.fileSyncs();
            long syncNanosBefore = files.syncNanosSpent();
            long start = System.nanoTime();
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            try {
                List<CompletableFuture<Void>> clients = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    SplittableRandom random = new SplittableRandom(seed + t);
                    int client = t;
                    clients.add(CompletableFuture.runAsync(() -> run(store, random, client, tellersAndBranches), executor));
                }
                CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(50, TimeUnit.SECONDS);
            } finally {
                executor.shutdownNow();
            }
            long elapsed = System.nanoTime() - start;
            long syncs = files.fileSyncs() - syncsBefore;
            long syncMicros = (files.syncNanosSpent() - syncNanosBefore) / Math.max(1, syncs) / 1000;
            int commits = THREADS * TRANSACTIONS_PER_THREAD;
            System.out.printf("GroupCommitTest %s: %d commits, %d syncs of %d us (%.1f commits per sync), %.0f commits/s%n",
                    tellersAndBranches ? "tpcb-like" : "simple-update", commits, syncs, syncMicros,
                    (double) commits / syncs, commits / (elapsed / 1e9));
            if (syncMicros >= 200) {
                assertThat((double) commits / syncs).isGreaterThan(commitsPerSync);
            }
            Transaction check = store.begin(readCommitted());
            long accounts = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts += decode(check.get(key('a', i)));
            }
            long tellers = 0;
            for (int i = 0; i < TELLERS; i++) {
                tellers += decode(check.get(key('t', i)));
            }
            long branches = 0;
            for (int i = 0; i < BRANCHES; i++) {
                branches += decode(check.get(key('b', i)));
            }
            if (tellersAndBranches) {
                assertThat(accounts).isEqualTo(tellers).isEqualTo(branches);
            }
            check.commit();
        }
    }

    private static void run(LsmKeyValueStore store, SplittableRandom random, int client, boolean tellersAndBranches) {
        for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
            long delta = random.nextInt(-5000, 5001);
            Transaction transaction = store.begin(readCommitted());
            add(transaction, key('a', random.nextInt(ACCOUNTS)), delta);
            if (tellersAndBranches) {
                add(transaction, key('t', random.nextInt(TELLERS)), delta);
                add(transaction, key('b', random.nextInt(BRANCHES)), delta);
            }
            transaction.insert(key('h', client * TRANSACTIONS_PER_THREAD + i), encode(delta));
            transaction.commit();
        }
    }

    private static void add(Transaction transaction, byte[] key, long delta) {
        long balance = decode(transaction.lock(key, LockStrength.FOR_NO_KEY_UPDATE, WaitPolicy.WAIT));
        transaction.put(key, encode(balance + delta));
    }

    private static byte[] key(char table, int id) {
        return ByteBuffer.allocate(9).put((byte) table).putLong(id).array();
    }

    private static byte[] encode(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }

    private static long decode(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }
}
