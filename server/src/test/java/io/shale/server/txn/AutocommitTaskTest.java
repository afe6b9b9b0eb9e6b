package io.shale.server.txn;

import io.shale.server.ThreeNodeClusterTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Single-node autocommit statements (their task committed on the worker in one round trip) still roll back as a
 * whole when they fail, leave the worker's sessions usable, and transaction blocks still see their own writes.
 */
@Timeout(120)
class AutocommitTaskTest extends ThreeNodeClusterTest {

    @BeforeAll
    static void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events (k int NOT NULL, v int NOT NULL)");
            s.execute("SELECT create_distributed_table('events', 'k')");
            s.execute("INSERT INTO events VALUES (5, 1), (5, 2), (5, 0), (5, 3), (6, 1)");
        }
    }

    @Test
    void aFailingSingleShardStatementRollsBackEntirely() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET v = v + 10 / v WHERE k = 5"))
                        .hasMessageContaining("division by zero");
                assertThat(value(s, "SELECT sum(v) FROM events WHERE k = 5")).isEqualTo(6);
            }
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO events VALUES (5, NULL)"))
                    .hasMessageContaining("null value");
            assertThat(value(s, "SELECT count(*) FROM events WHERE k = 5")).isEqualTo(4);
            assertThat(s.executeUpdate("UPDATE events SET v = v + 1 WHERE k = 6")).isEqualTo(1);
            try (PreparedStatement p = c.prepareStatement("SELECT v FROM events WHERE k = ?")) {
                p.setInt(1, 6);
                try (ResultSet r = p.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getInt(1)).isEqualTo(2);
                }
            }
            s.executeUpdate("UPDATE events SET v = 1 WHERE k = 6");
        }
    }

    @Test
    void aMultiStatementMessageIsOneTransaction() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0) + "&preferQueryMode=simple");
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("UPDATE events SET v = v + 100 WHERE k = 6; SELECT 1 / 0"))
                    .hasMessageContaining("division by zero");
            assertThat(value(s, "SELECT v FROM events WHERE k = 6")).isEqualTo(1);
        }
    }

    @Test
    void anExplicitTransactionSeesItsOwnWritesAndRollsBack() throws SQLException {
        try (Connection writer = DriverManager.getConnection(cluster.jdbcUrl(0));
             Connection other = DriverManager.getConnection(cluster.jdbcUrl(0));
             Statement w = writer.createStatement(); Statement o = other.createStatement()) {
            writer.setAutoCommit(false);
            w.executeUpdate("UPDATE events SET v = v + 1 WHERE k = 5");
            w.executeUpdate("INSERT INTO events VALUES (5, 7)");
            assertThat(value(w, "SELECT sum(v) FROM events WHERE k = 5")).isEqualTo(6 + 4 + 7);
            assertThat(value(o, "SELECT sum(v) FROM events WHERE k = 5")).isEqualTo(6);
            writer.rollback();
            assertThat(value(w, "SELECT sum(v) FROM events WHERE k = 5")).isEqualTo(6);
            writer.setAutoCommit(true);
        }
    }
}
