package io.shale.server.txn;

import io.shale.engine.distributed.DistributedTransactionRecords;
import io.shale.server.LocalCluster;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-phase commit on a LocalCluster with disk stores: a transaction that writes on two workers prepares on both and
 * leaves commit records in pg_dist_transaction until recovery; prepared transactions of a worker killed before the
 * commit survive its restart and recovery commits the recorded ones and rolls back the others.
 */
@Timeout(180)
class TwoPhaseCommitTest {
    private static LocalCluster cluster;
    private static ClusterAccounts accounts;

    @BeforeAll
    static void start() throws SQLException {
        cluster = LocalCluster.builder().nodes(3).setting("fsync", "off").setting("citus.recover_2pc_interval", "-1")
                .start();
        accounts = new ClusterAccounts(cluster, 2);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void writesOnTwoWorkersCommitWithTwoPhaseCommit() throws SQLException {
        accounts.execute(0, "SELECT recover_prepared_transactions()");
        ClusterAccounts.Account a = accounts.onWorker(1, 0);
        ClusterAccounts.Account b = accounts.onWorker(2, 0);
        int before = accounts.balance(a) + accounts.balance(b);
        try (TxnClient c = new TxnClient(cluster.node(0).engine())) {
            c.tag("BEGIN");
            c.tasks(a.update(-10), b.update(10));
            c.tag("COMMIT");
        }
        assertThat(accounts.balance(a) + accounts.balance(b)).isEqualTo(before);
        assertThat(accounts.rows(0, "SELECT groupid, gid ~ '^citus_0_[0-9]+_[0-9]+_[12]$' FROM pg_dist_transaction ORDER BY 1"))
                .containsExactly("1|t", "2|t");
        assertThat(accounts.rows(1, "SELECT count(*) FROM pg_prepared_xacts")).containsExactly("0");
        assertThat(accounts.rows(0, "SELECT recover_prepared_transactions()")).containsExactly("0");
        assertThat(accounts.rows(0, "SELECT count(*) FROM pg_dist_transaction")).containsExactly("0");
    }

    @Test
    void aWriteOnOneWorkerCommitsWithoutTwoPhaseCommit() throws SQLException {
        accounts.execute(0, "SELECT recover_prepared_transactions()");
        ClusterAccounts.Account a = accounts.onWorker(1, 1);
        int before = accounts.balance(a);
        try (TxnClient c = new TxnClient(cluster.node(0).engine())) {
            c.tag("BEGIN");
            c.tasks(a.update(1), accounts.onWorker(2, 1).read());
            c.tag("COMMIT");
        }
        assertThat(accounts.balance(a)).isEqualTo(before + 1);
        assertThat(accounts.rows(0, "SELECT count(*) FROM pg_dist_transaction")).containsExactly("0");
    }

    @Test
    void recoveryFinishesPreparedTransactionsOfAKilledWorkerAfterItsRestart() throws SQLException {
        ClusterAccounts.Account b = accounts.onWorker(2, 1);
        ClusterAccounts.Account other = accounts.onWorker(2, 0);
        int before = accounts.balance(b);
        int otherBefore = accounts.balance(other);
        try (TxnClient w = new TxnClient(cluster.node(2).engine())) {
            w.tag("BEGIN");
            w.tag(b.update(5).sql());
            cluster.node(2).engine().prepareInternal(w.session, "citus_0_4242_1_2");
            w.tag("BEGIN");
            w.tag(other.update(1000).sql());
            cluster.node(2).engine().prepareInternal(w.session, "citus_0_4242_2_2");
        }
        Transaction record = cluster.node(0).engine().store().begin(TransactionOptions.defaults());
        DistributedTransactionRecords.write(record, 2, "citus_0_4242_1_2", record.id());
        record.commit();
        cluster.kill(2);
        cluster.restart(2);
        assertThat(accounts.rows(2, "SELECT gid FROM pg_prepared_xacts ORDER BY gid"))
                .containsExactly("citus_0_4242_1_2", "citus_0_4242_2_2");
        assertThat(accounts.rows(0, "SELECT recover_prepared_transactions()")).containsExactly("2");
        assertThat(accounts.balance(b)).isEqualTo(before + 5);
        assertThat(accounts.balance(other)).isEqualTo(otherBefore);
        assertThat(accounts.rows(2, "SELECT count(*) FROM pg_prepared_xacts")).containsExactly("0");
        assertThat(accounts.rows(0, "SELECT count(*) FROM pg_dist_transaction")).containsExactly("0");
    }
}
