package io.shale.server.txn;

import io.shale.server.ThreeNodeClusterTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction block that writes to a distributed table reads its own writes on every worker (its task sessions
 * stay open across statements) while other sessions see the rows only after COMMIT.
 */
@Timeout(120)
class ReadYourWritesTest extends ThreeNodeClusterTest {

    @BeforeAll
    static void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id int PRIMARY KEY, qty int NOT NULL)");
            s.execute("SELECT create_distributed_table('items', 'id')");
            s.execute("INSERT INTO items SELECT g, 10 FROM generate_series(1, 40) g");
        }
    }

    @Test
    void ownWritesAreVisibleInTheBlockAndToOthersAfterCommit() throws SQLException {
        try (Connection writer = DriverManager.getConnection(cluster.jdbcUrl(0));
             Connection other = DriverManager.getConnection(cluster.jdbcUrl(0));
             Statement w = writer.createStatement(); Statement o = other.createStatement()) {
            writer.setAutoCommit(false);
            w.executeUpdate("UPDATE items SET qty = qty + 1 WHERE id = 7");
            assertThat(value(w, "SELECT qty FROM items WHERE id = 7")).isEqualTo(11);
            w.executeUpdate("UPDATE items SET qty = qty + 1");
            w.executeUpdate("INSERT INTO items VALUES (100, 1), (101, 1), (102, 1)");
            assertThat(value(w, "SELECT sum(qty) FROM items")).isEqualTo(400 + 41 + 3);
            assertThat(value(w, "SELECT count(*) FROM items WHERE id >= 100")).isEqualTo(3);
            assertThat(value(o, "SELECT sum(qty) FROM items")).isEqualTo(400);
            assertThat(value(o, "SELECT qty FROM items WHERE id = 7")).isEqualTo(10);
            writer.commit();
            assertThat(value(o, "SELECT sum(qty) FROM items")).isEqualTo(444);
            assertThat(value(o, "SELECT count(*) FROM pg_dist_transaction")).isPositive();
            writer.setAutoCommit(true);
            w.executeUpdate("DELETE FROM items WHERE id >= 100");
            w.executeUpdate("UPDATE items SET qty = 10");
        }
    }

    @Test
    void rollbackLeavesEveryWorkerUnchanged() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("DELETE FROM items");
            assertThat(value(s, "SELECT count(*) FROM items")).isZero();
            c.rollback();
            assertThat(value(s, "SELECT count(*) FROM items")).isEqualTo(40);
        }
    }
}
