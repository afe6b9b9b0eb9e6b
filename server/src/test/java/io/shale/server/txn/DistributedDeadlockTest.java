package io.shale.server.txn;

import io.shale.server.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two sessions update rows on two workers in opposite order: neither node sees a cycle, the coordinator's
 * distributed deadlock detection does, and cancels the younger transaction with 40P01.
 */
@Timeout(120)
class DistributedDeadlockTest {
    private static LocalCluster cluster;
    private static ClusterAccounts accounts;

    @BeforeAll
    static void start() throws SQLException {
        cluster = LocalCluster.builder().nodes(3).inMemory().setting("fsync", "off")
                .setting("citus.distributed_deadlock_detection_factor", "0.5").start();
        accounts = new ClusterAccounts(cluster, 1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void theYoungerTransactionOfACycleIsCancelled() throws Exception {
        int a = accounts.onWorker(1, 0).id();
        int b = accounts.onWorker(2, 0).id();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection first = DriverManager.getConnection(cluster.jdbcUrl(0));
             Connection second = DriverManager.getConnection(cluster.jdbcUrl(0));
             Statement s1 = first.createStatement(); Statement s2 = second.createStatement()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            s1.executeUpdate("UPDATE accounts SET balance = balance - 1 WHERE id = " + a);
            s2.executeUpdate("UPDATE accounts SET balance = balance - 1 WHERE id = " + b);
            Future<Integer> firstWaits = threads.submit(() -> s1.executeUpdate("UPDATE accounts SET balance = balance + 1 WHERE id = " + b));
            Thread.sleep(200);
            long started = System.nanoTime();
            Future<Integer> secondWaits = threads.submit(() -> s2.executeUpdate("UPDATE accounts SET balance = balance + 1 WHERE id = " + a));
            assertThatThrownBy(() -> secondWaits.get(20, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("40P01");
                        assertThat(e.getMessage()).contains("canceling the transaction since it was involved in a distributed deadlock");
                    });
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
            second.rollback();
            assertThat(firstWaits.get(20, TimeUnit.SECONDS)).isEqualTo(1);
            first.commit();
        } finally {
            threads.shutdownNow();
        }
        assertThat(accounts.balance(accounts.onWorker(1, 0))).isEqualTo(99);
        assertThat(accounts.balance(accounts.onWorker(2, 0))).isEqualTo(101);
    }
}
