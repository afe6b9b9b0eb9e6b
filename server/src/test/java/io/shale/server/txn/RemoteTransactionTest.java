package io.shale.server.txn;

import io.shale.cluster.rpc.ClusterSecret;
import io.shale.cluster.rpc.NetworkPartitions;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ShaleException;
import io.shale.engine.distributed.DistributedTransactionRecords;
import io.shale.engine.distributed.Task;
import io.shale.engine.distributed.TaskResult;
import io.shale.engine.distributed.TransactionConfig;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tasks and transactions across three hand-wired nodes (group 0 coordinates, groups 1 and 2 are workers): task
 * sessions, plain commit with one writer, two-phase commit with several, rollback, errors, recovery, a dropped
 * origin, and distributed deadlock detection.
 */
@Timeout(60)
class RemoteTransactionTest {
    private static final ClusterSecret SECRET = ClusterSecret.of("remote-transaction-test-secret");
    private static final NetworkPartitions PARTITIONS = new NetworkPartitions();
    private static final Map<Integer, NodeAddress> GROUPS = new ConcurrentHashMap<>();
    private static TxnNode coordinator;
    private static TxnNode worker1;
    private static TxnNode worker2;

    @BeforeAll
    static void start() {
        TransactionConfig config = TransactionConfig.defaults().withRecoveryInterval(Duration.ZERO)
                .withDeadlockInterval(Duration.ZERO);
        coordinator = node(0, config);
        worker1 = node(1, config);
        worker2 = node(2, config);
    }

    private static TxnNode node(int group, TransactionConfig config) {
        return new TxnNode(group, new MemoryKeyValueStore(MemoryStoreConfig.defaults()), GROUPS, SECRET, PARTITIONS,
                config, 0);
    }

    @AfterAll
    static void stop() {
        for (TxnNode n : new TxnNode[] {coordinator, worker1, worker2}) {
            if (n != null) {
                n.close();
                n.store.close();
            }
        }
    }

    @BeforeEach
    void tables() {
        PARTITIONS.healAll();
        for (TxnNode n : new TxnNode[] {coordinator, worker1, worker2}) {
            try (TxnClient c = new TxnClient(n)) {
                c.tag("DROP TABLE IF EXISTS t");
                c.tag("CREATE TABLE t (id int PRIMARY KEY, v text)");
                c.tag("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
            }
        }
        coordinator.transactions.recoverPreparedTransactions();
    }

    private static Task task(int group, String sql) {
        return new Task(group, 0, sql, !sql.startsWith("SELECT"));
    }

    private static List<String> rows(TxnNode node, String sql) {
        try (TxnClient c = new TxnClient(node)) {
            return c.query(sql);
        }
    }

    @Test
    void readsItsOwnWritesAndCommitsOneWriterPlainly() {
        try (TxnClient c = new TxnClient(coordinator)) {
            c.tag("BEGIN");
            List<TaskResult> results = c.tasks(task(1, "INSERT INTO t VALUES (3, 'three')"));
            assertThat(results.get(0).commandTag()).isEqualTo("INSERT 0 1");
            assertThat(results.get(0).rowsAffected()).isEqualTo(1);
            TaskResult read = c.tasks(task(1, "SELECT id, v FROM t ORDER BY id")).get(0);
            assertThat(read.rows()).hasSize(3);
            assertThat(read.rows().get(2)).containsExactly(3, "three");
            assertThat(rows(worker1, "SELECT count(*) FROM t")).containsExactly("2");
            c.tag("COMMIT");
        }
        assertThat(rows(worker1, "SELECT count(*) FROM t")).containsExactly("3");
        assertThat(DistributedTransactionRecords.read(coordinator.store)).isEmpty();
    }

    @Test
    void twoWritersCommitWithTwoPhaseCommit() {
        try (TxnClient c = new TxnClient(coordinator)) {
            c.tag("BEGIN");
            c.tasks(task(1, "UPDATE t SET v = 'w1' WHERE id = 1"), task(2, "UPDATE t SET v = 'w2' WHERE id = 1"));
            c.tag("COMMIT");
        }
        assertThat(rows(worker1, "SELECT v FROM t WHERE id = 1")).containsExactly("w1");
        assertThat(rows(worker2, "SELECT v FROM t WHERE id = 1")).containsExactly("w2");
        List<DistributedTransactionRecords.Record> records = DistributedTransactionRecords.read(coordinator.store);
        assertThat(records).extracting(DistributedTransactionRecords.Record::groupId).containsExactly(1, 2);
        assertThat(records.get(0).gid()).matches("citus_0_\\d+_\\d+_1");
        assertThat(worker1.store.preparedTransactions()).isEmpty();
        assertThat(coordinator.transactions.recoverPreparedTransactions()).isZero();
        assertThat(DistributedTransactionRecords.read(coordinator.store)).isEmpty();
    }

    @Test
    void localAndRemoteWritersCommitTogether() {
        try (TxnClient c = new TxnClient(coordinator)) {
            c.tag("BEGIN");
            c.tasks(task(0, "INSERT INTO t VALUES (10, 'local')"), task(1, "INSERT INTO t VALUES (10, 'remote')"));
            c.tag("COMMIT");
        }
        assertThat(rows(coordinator, "SELECT v FROM t WHERE id = 10")).containsExactly("local");
        assertThat(rows(worker1, "SELECT v FROM t WHERE id = 10")).containsExactly("remote");
        assertThat(DistributedTransactionRecords.read(coordinator.store)).hasSize(1);
    }

    @Test
    void rollbackUndoesEveryNode() {
        try (TxnClient c = new TxnClient(coordinator)) {
            c.tag("BEGIN");
            c.tasks(task(1, "DELETE FROM t"), task(2, "DELETE FROM t"));
            c.tag("ROLLBACK");
        }
        assertThat(rows(worker1, "SELECT count(*) FROM t")).containsExactly("2");
        assertThat(rows(worker2, "SELECT count(*) FROM t")).containsExactly("2");
    }

    @Test
    void remoteErrorsKeepTheirCodeAndAFailedPrepareRollsBackEverything() {
        try (TxnClient c = new TxnClient(coordinator)) {
            c.tag("BEGIN");
            assertThatThrownBy(() -> c.tasks(task(2, "INSERT INTO nope VALUES (1)")))
                    .isInstanceOfSatisfying(ShaleException.class, e -> {
                        assertThat(e.code().sqlState()).isEqualTo("42P01");
                        assertThat(e.getMessage()).isEqualTo("relation \"nope\" does not exist");
                    });
            c.tag("ROLLBACK");
            c.tag("BEGIN");
            assertThatThrownBy(() -> c.tasks(task(1, "INSERT INTO t VALUES (5, 'x')"), task(2, "INSERT INTO t VALUES (1, 'dup')")))
                    .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code().sqlState()).isEqualTo("23505"));
            c.tag("ROLLBACK");
        }
        assertThat(rows(worker1, "SELECT count(*) FROM t")).containsExactly("2");
    }

    @Test
    void savepointsReachTheTaskSessions() {
        try (TxnClient c = new TxnClient(coordinator)) {
            c.tag("BEGIN");
            c.tasks(task(1, "UPDATE t SET v = 'kept' WHERE id = 1"));
            c.tag("SAVEPOINT s");
            assertThatThrownBy(() -> c.tasks(task(1, "INSERT INTO t VALUES (1, 'dup')")))
                    .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code().sqlState()).isEqualTo("23505"));
            c.tasks(task(2, "UPDATE t SET v = 'undone' WHERE id = 1"));
            c.tag("ROLLBACK TO SAVEPOINT s");
            c.tasks(task(1, "UPDATE t SET v = 'kept too' WHERE id = 2"), task(2, "UPDATE t SET v = 'later' WHERE id = 2"));
            c.tag("RELEASE SAVEPOINT s");
            c.tag("COMMIT");
        }
        assertThat(rows(worker1, "SELECT v FROM t ORDER BY id")).containsExactly("kept", "kept too");
        assertThat(rows(worker2, "SELECT v FROM t ORDER BY id")).containsExactly("one", "later");
    }

    @Test
    void recoveryCommitsRecordedAndRollsBackUnrecordedPreparedTransactions() throws Exception {
        try (TxnClient w = new TxnClient(worker1)) {
            w.tag("BEGIN");
            w.tag("INSERT INTO t VALUES (20, 'recorded')");
            worker1.engine.prepareInternal(w.session, "citus_0_77_1_1");
            w.tag("BEGIN");
            w.tag("INSERT INTO t VALUES (21, 'unrecorded')");
            worker1.engine.prepareInternal(w.session, "citus_0_77_2_1");
            w.tag("BEGIN");
            w.tag("INSERT INTO t VALUES (22, 'other origin')");
            worker1.engine.prepareInternal(w.session, "citus_5_77_3_1");
        }
        var txn = coordinator.store.begin(io.shale.storage.TransactionOptions.defaults());
        DistributedTransactionRecords.write(txn, 1, "citus_0_77_1_1", txn.id());
        txn.commit();
        assertThat(coordinator.transactions.recoverPreparedTransactions()).isEqualTo(2);
        assertThat(rows(worker1, "SELECT id FROM t WHERE id >= 20 ORDER BY id")).containsExactly("20");
        assertThat(worker1.store.preparedTransactions()).extracting(p -> p.gid()).containsExactly("citus_5_77_3_1");
        assertThat(DistributedTransactionRecords.read(coordinator.store)).isEmpty();
        worker1.store.rollbackPrepared("citus_5_77_3_1");
    }

    @Test
    void taskSessionsRollBackWhenTheOriginsChannelDrops() throws Exception {
        try (TxnClient c = new TxnClient(coordinator)) {
            c.tag("BEGIN");
            c.tasks(task(1, "UPDATE t SET v = 'held' WHERE id = 1"));
            PARTITIONS.cut(coordinator.address, worker1.address);
            try (TxnClient w = new TxnClient(worker1)) {
                assertThat(w.tag("UPDATE t SET v = 'free' WHERE id = 1")).isEqualTo("UPDATE 1");
            }
            PARTITIONS.healAll();
            assertThatThrownBy(() -> c.tasks(task(1, "UPDATE t SET v = 'again' WHERE id = 2")))
                    .isInstanceOfSatisfying(ShaleException.class, e -> assertThat(e.code().sqlState()).startsWith("08"));
            c.tag("ROLLBACK");
        }
        assertThat(rows(worker1, "SELECT v FROM t WHERE id = 1")).containsExactly("free");
    }

    @Test
    void findsADeadlockAcrossTwoWorkers() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (TxnClient first = new TxnClient(coordinator); TxnClient second = new TxnClient(coordinator)) {
            first.tag("BEGIN");
            second.tag("BEGIN");
            first.tasks(task(1, "UPDATE t SET v = 'first' WHERE id = 1"));
            second.tasks(task(2, "UPDATE t SET v = 'second' WHERE id = 1"));
            Future<?> a = threads.submit(() -> first.tasks(task(2, "UPDATE t SET v = 'first' WHERE id = 1")));
            Future<?> b = threads.submit(() -> second.tasks(task(1, "UPDATE t SET v = 'second' WHERE id = 1")));
            boolean found = false;
            for (int i = 0; i < 100 && !found; i++) {
                found = coordinator.transactions.checkDistributedDeadlocks();
                if (!found) {
                    Thread.sleep(50);
                }
            }
            assertThat(found).isTrue();
            b.cancel(true);
            second.tag("ROLLBACK");
            a.get(10, TimeUnit.SECONDS);
            first.tag("COMMIT");
        } finally {
            threads.shutdownNow();
        }
        assertThat(rows(worker1, "SELECT v FROM t WHERE id = 1")).containsExactly("first");
        assertThat(rows(worker2, "SELECT v FROM t WHERE id = 1")).containsExactly("first");
    }
}
