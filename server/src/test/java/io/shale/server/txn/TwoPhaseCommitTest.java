package io.shale.server.txn;

import io.shale.server.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes that reach several workers commit with two-phase commit, leaving commit records in pg_dist_transaction. */
@Timeout(120)
class TwoPhaseCommitTest {
    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws SQLException {
        cluster = LocalCluster.builder().nodes(3).inMemory().setting("fsync", "off").start();
        execute(0, "CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)");
        execute(0, "SELECT create_distributed_table('accounts', 'id')");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static List<String> rows(int node, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(node)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                out.add(row.toString());
            }
            return out;
        }
    }

    static void execute(int node, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(node)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void multiNodeWritesCommitWithTwoPhaseCommit() throws SQLException {
        execute(0, "SELECT recover_prepared_transactions()");
        execute(0, "INSERT INTO accounts SELECT g, 100 FROM generate_series(1, 40) g");
        assertThat(rows(0, "SELECT count(*), sum(balance) FROM accounts")).containsExactly("40|4000");
        assertThat(rows(0, "SELECT count(DISTINCT groupid) FROM pg_dist_transaction")).containsExactly("2");
        assertThat(rows(1, "SELECT count(*) FROM pg_prepared_xacts")).containsExactly("0");
        assertThat(rows(0, "SELECT recover_prepared_transactions()")).containsExactly("0");
        assertThat(rows(0, "SELECT count(*) FROM pg_dist_transaction")).containsExactly("0");
    }

    @Test
    void aSingleShardWriteCommitsPlainly() throws SQLException {
        execute(0, "SELECT recover_prepared_transactions()");
        execute(0, "INSERT INTO accounts VALUES (1000, 5)");
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("UPDATE accounts SET balance = balance + 1 WHERE id = 1000");
            try (ResultSet r = s.executeQuery("SELECT balance FROM accounts WHERE id = 1000")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(6);
            }
            c.commit();
        }
        assertThat(rows(0, "SELECT count(*) FROM pg_dist_transaction")).containsExactly("0");
        assertThat(rows(0, "SELECT balance FROM accounts WHERE id = 1000")).containsExactly("6");
    }
}
