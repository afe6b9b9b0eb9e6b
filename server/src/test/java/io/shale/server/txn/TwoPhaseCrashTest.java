package io.shale.server.txn;

import io.shale.server.LocalCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers between accounts on two workers (each a two-phase commit) run while a worker or the coordinator is killed
 * and restarted; prepared transactions a failed commit left behind are finished by the coordinator's recovery (it
 * retries every second until it reaches every node), so the writers blocked on their row locks go on; at the end
 * every transfer is wholly there or wholly absent (the total is unchanged) and no prepared transaction or commit
 * record is left. The seed of each run is logged.
 */
@Timeout(180)
class TwoPhaseCrashTest {
    private static final int PER_WORKER = 4;
    private LocalCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killingAWorkerDuringCommitsLosesNoHalfTransfer() throws Exception {
        crashUnderLoad(2);
    }

    @Test
    void killingTheCoordinatorDuringCommitsLosesNoHalfTransfer() throws Exception {
        crashUnderLoad(0);
    }

    private void crashUnderLoad(int victim) throws Exception {
        long seed = System.nanoTime();
        System.out.println("TwoPhaseCrashTest victim " + victim + " seed " + seed);
        Random random = new Random(seed);
        cluster = LocalCluster.builder().nodes(3).setting("fsync", "off").start();
        ClusterAccounts accounts = new ClusterAccounts(cluster, PER_WORKER);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger committed = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            long clientSeed = random.nextLong();
            clients.add(Thread.ofPlatform().start(() -> transfer(accounts, new Random(clientSeed), running, committed)));
        }
        waitFor(committed, 5);
        Thread.sleep(random.nextInt(200));
        cluster.kill(victim);
        Thread.sleep(100 + random.nextInt(300));
        cluster.restart(victim);
        int after = committed.get();
        waitFor(committed, after + 5);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        accounts.rows(0, "SELECT recover_prepared_transactions()");
        int total = 0;
        for (ClusterAccounts.Account a : accounts.accounts) {
            total += accounts.balance(a);
        }
        assertThat(total).as("seed %d", seed).isEqualTo(100 * 2 * PER_WORKER);
        for (int node = 0; node < 3; node++) {
            assertThat(accounts.rows(node, "SELECT count(*) FROM pg_prepared_xacts")).as("seed %d", seed).containsExactly("0");
        }
        assertThat(accounts.rows(0, "SELECT count(*) FROM pg_dist_transaction")).as("seed %d", seed).containsExactly("0");
        assertThat(committed.get()).isGreaterThan(10);
    }

    private static void waitFor(AtomicInteger committed, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (committed.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Transfers one unit from an account on worker 1 to one on worker 2 (or back) until stopped; failures retry. */
    private void transfer(ClusterAccounts accounts, Random random, AtomicBoolean running, AtomicInteger committed) {
        while (running.get()) {
            ClusterAccounts.Account from = accounts.onWorker(1 + random.nextInt(2), random.nextInt(PER_WORKER));
            ClusterAccounts.Account to = accounts.onWorker(from.group() == 1 ? 2 : 1, random.nextInt(PER_WORKER));
            ClusterAccounts.Account firstLocked = from.id() < to.id() ? from : to;
            ClusterAccounts.Account secondLocked = firstLocked == from ? to : from;
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.executeUpdate("UPDATE accounts SET balance = balance " + (firstLocked == from ? "- 1" : "+ 1")
                        + " WHERE id = " + firstLocked.id());
                s.executeUpdate("UPDATE accounts SET balance = balance " + (secondLocked == from ? "- 1" : "+ 1")
                        + " WHERE id = " + secondLocked.id());
                c.commit();
                committed.incrementAndGet();
            } catch (SQLException | RuntimeException e) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
