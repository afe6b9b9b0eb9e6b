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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings changed in a block after a worker's task session opened (SET LOCAL TimeZone, search_path, IntervalStyle) reach that task
 * session before the block's next task, and end with the block.
 */
@Timeout(120)
class TaskSettingsChangeTest {
    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws SQLException {
        cluster = LocalCluster.builder().nodes(2).inMemory().setting("fsync", "off").start();
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events (id int PRIMARY KEY, at timestamptz NOT NULL)");
            s.execute("SELECT create_distributed_table('events', 'id')");
            s.execute("INSERT INTO events VALUES (1, '2020-01-01 00:00:00+00')");
        }
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void aTimeZoneSetInTheBlockReachesTheOpenTaskSession() throws SQLException {
        String query = "SELECT at::text || ' ' || current_setting('TimeZone') FROM events WHERE id = 1";
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            c.setAutoCommit(false);
            assertThat(text(s, query)).isEqualTo("2020-01-01 00:00:00+00 UTC");
            s.execute("SET LOCAL TimeZone = 'America/New_York'");
            assertThat(text(s, query)).isEqualTo("2019-12-31 19:00:00-05 America/New_York");
            s.execute("SET LOCAL TimeZone = 'Asia/Tokyo'");
            assertThat(text(s, query)).isEqualTo("2020-01-01 09:00:00+09 Asia/Tokyo");
            c.commit();
            assertThat(text(s, query)).isEqualTo("2020-01-01 00:00:00+00 UTC");
            c.commit();
        }
    }

    @Test
    void aSearchPathSetInTheBlockReachesTheOpenTaskSession() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            c.setAutoCommit(false);
            assertThat(text(s, "SELECT count(*) FROM events WHERE id = 1")).isEqualTo("1");
            s.execute("SET LOCAL search_path = \"$user\", public, pg_catalog");
            assertThat(text(s, "SELECT current_setting('search_path') FROM events WHERE id = 1"))
                    .isEqualTo("\"$user\", public, pg_catalog");
            s.execute("SET LOCAL IntervalStyle = 'postgres_verbose'");
            assertThat(text(s, "SELECT (at - '2019-12-31 00:00:00+00')::text || ' ' || current_setting('IntervalStyle') "
                    + "FROM events WHERE id = 1")).isEqualTo("@ 1 day postgres_verbose");
            c.rollback();
        }
    }
}
