package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** A whole cluster started again on its data and ports (what a second {@code ./shale start} does). */
@Timeout(120)
class LocalClusterRestartTest {
    @TempDir
    Path data;

    /** A base port whose next two ports are free too (retried a few times: ports are shared). */
    private static int freeBase() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int base;
            try (ServerSocket first = new ServerSocket(0)) {
                base = first.getLocalPort();
            }
            if (base > 65000) {
                continue;
            }
            try (ServerSocket a = new ServerSocket(base); ServerSocket b = new ServerSocket(base + 1);
                 ServerSocket c = new ServerSocket(base + 2)) {
                return base;
            } catch (IOException busy) {
                // try another base
            }
        }
        throw new IOException("no three consecutive free ports");
    }

    @Test
    void aClusterRestartsOnItsDataAndPorts() throws Exception {
        int base = freeBase();
        try (LocalCluster first = LocalCluster.builder().nodes(3).dataDirectory(data).basePort(base)
                .setting("fsync", "off").start()) {
            execute(first.jdbcUrl(0), "create table kept (a int)");
        }
        try (LocalCluster again = LocalCluster.builder().nodes(3).dataDirectory(data).basePort(base)
                .setting("fsync", "off").start()) {
            assertThat(rows(again.jdbcUrl(2), "select nodeid, nodeport from pg_dist_node order by 1"))
                    .containsExactly("1|" + base, "2|" + (base + 1), "3|" + (base + 2));
            execute(again.jdbcUrl(0), "create table added (a int)");
            assertThat(rows(again.jdbcUrl(2), "select count(*) from kept, added")).containsExactly("0");
            assertThat(rows(again.jdbcUrl(1), "select groupid from pg_dist_local_group")).containsExactly("1");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aClusterRestartedOnItsDataWithOtherPortsRepointsItsNodes() throws Exception {
        int[] before = new int[3];
        try (LocalCluster first = LocalCluster.builder().nodes(3).dataDirectory(data).setting("fsync", "off").start()) {
            execute(first.jdbcUrl(0), "create table moved (a int primary key, b text)");
            execute(first.jdbcUrl(0), "select create_distributed_table('moved', 'a', shard_count := 4)");
            execute(first.jdbcUrl(0), "insert into moved select g, 'v' || g from generate_series(1, 20) g");
            for (int i = 0; i < 3; i++) {
                before[i] = first.port(i);
            }
        }
        int base = freeBase();
        try (LocalCluster again = LocalCluster.builder().nodes(3).dataDirectory(data).basePort(base)
                .setting("fsync", "off").start()) {
            assertThat(base).isNotIn(before[0], before[1], before[2]);
            assertThat(rows(again.jdbcUrl(2), "select nodeid, groupid, nodeport from pg_dist_node order by 1"))
                    .containsExactly("1|0|" + base, "2|1|" + (base + 1), "3|2|" + (base + 2));
            assertThat(rows(again.jdbcUrl(1), "select count(*), sum(a) from moved")).containsExactly("20|210");
            execute(again.jdbcUrl(0), "create index moved_b on moved (b)");
            execute(again.jdbcUrl(1), "create table from_worker (a int)");
            execute(again.jdbcUrl(2), "insert into moved values (21, 'v21')");
            assertThat(rows(again.jdbcUrl(0), "select count(*) from from_worker")).containsExactly("0");
            assertThat(rows(again.jdbcUrl(0), "select b from moved where a = 21")).containsExactly("v21");
        }
    }
}
