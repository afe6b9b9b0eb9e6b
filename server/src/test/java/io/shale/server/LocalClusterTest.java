package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Three in-memory nodes in this JVM: membership, pg_dist_node everywhere, stop/restart, cut/heal. */
@Timeout(120)
class LocalClusterTest extends ThreeNodeClusterTest {
    static List<String> rows(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
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

    static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> expectedNodes() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            expected.add((i + 1) + "|" + i + "|127.0.0.1|" + cluster.port(i));
        }
        return expected;
    }

    @Test
    void everyNodeListsTheCoordinatorAndTheWorkers() throws SQLException {
        for (int i = 0; i < 3; i++) {
            assertThat(rows(cluster.jdbcUrl(i), "select nodeid, groupid, nodename, nodeport from pg_dist_node order by nodeid"))
                    .startsWith(expectedNodes().subList(0, 3).toArray(String[]::new));
            assertThat(rows(cluster.jdbcUrl(i), "select groupid from pg_dist_local_group")).containsExactly(String.valueOf(i));
        }
        assertThat(rows(cluster.jdbcUrl(0), "select noderole, isactive, shouldhaveshards from pg_dist_node where noderole = 'primary'::noderole order by nodeid"))
                .startsWith("primary|t|f", "primary|t|t", "primary|t|t");
    }

    @Test
    void aStoppedNodeRestartsOnItsPortAndCatchesUp() throws SQLException {
        cluster.stop(2);
        assertThatThrownBy(() -> rows(cluster.jdbcUrl(2), "select 1")).isInstanceOf(SQLException.class);
        cluster.restart(2);
        assertThat(rows(cluster.jdbcUrl(2), "select groupid from pg_dist_local_group")).containsExactly("2");
        assertThat(rows(cluster.jdbcUrl(2), "select count(*) from pg_dist_node")).containsExactly(String.valueOf(cluster.size()));
    }

    @Test
    void cutAndHealInternalTrafficOnly() throws SQLException {
        cluster.cut(0, 1);
        try {
            assertThat(rows(cluster.jdbcUrl(1), "select 1")).containsExactly("1");
            assertThatThrownBy(() -> execute(cluster.jdbcUrl(0), "create table cut_t (a int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("connection to the remote node 127.0.0.1:" + cluster.port(1));
        } finally {
            cluster.heal(0, 1);
        }
        execute(cluster.jdbcUrl(0), "create table cut_t (a int)");
        assertThat(rows(cluster.jdbcUrl(1), "select count(*) from cut_t")).containsExactly("0");
        execute(cluster.jdbcUrl(0), "drop table cut_t");
    }

    @Test
    void killedDiskNodeKeepsItsData(@TempDir Path data) throws SQLException {
        try (LocalCluster disk = LocalCluster.builder().nodes(1).dataDirectory(data).setting("fsync", "off").start()) {
            execute(disk.jdbcUrl(0), "create table k (a int); insert into k values (1), (2)");
            disk.kill(0);
            disk.restart(0);
            assertThat(rows(disk.jdbcUrl(0), "select sum(a) from k")).containsExactly("3");
            disk.stop(0);
            disk.restart(0);
            assertThat(rows(disk.jdbcUrl(0), "select count(*) from k")).containsExactly("2");
        }
    }

    @Test
    void aNodeAddedLaterJoins() throws SQLException {
        try (LocalCluster small = LocalCluster.builder().nodes(1).inMemory().start()) {
            execute(small.jdbcUrl(0), "create table before_join (a int)");
            int index = small.addNode();
            assertThat(index).isEqualTo(1);
            assertThat(rows(small.jdbcUrl(1), "select nodeid, groupid from pg_dist_node order by nodeid"))
                    .containsExactly("1|0", "2|1");
            assertThat(rows(small.jdbcUrl(1), "select count(*) from before_join")).containsExactly("0");
        }
    }
}
