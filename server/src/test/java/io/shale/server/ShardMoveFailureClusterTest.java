package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** A shard move whose target node is killed while it runs leaves one active placement with every row; a retry works. */
@Timeout(240)
class ShardMoveFailureClusterTest {
    @Test
    void killingTheTargetDuringAMoveKeepsTheRowsAndARetryWorks(@TempDir Path data) throws Exception {
        long seed = System.nanoTime();
        System.out.println("ShardMoveFailureClusterTest seed " + seed);
        Random random = new Random(seed);
        try (LocalCluster cluster = LocalCluster.builder().nodes(3).dataDirectory(data)
                .setting("citus.defer_shard_delete_interval", "500").start()) {
            String url = cluster.jdbcUrl(0);
            ShardMoveKillClusterTest.MovingShard moving = ShardMoveKillClusterTest.MovingShard.ofBigTable(url, 20000);
            String shard = moving.shard();
            String source = moving.source();
            String target = moving.target();
            int targetIndex = Integer.parseInt(rows(url, "select nodeport from pg_dist_node where nodeid = " + target)
                    .getFirst()) == cluster.port(1) ? 1 : 2;
            String move = "select citus_move_shard_placement(" + shard + ", " + source + ", " + target
                    + ", 'block_writes')";
            Thread mover = Thread.ofPlatform().start(() -> {
                try {
                    execute(url, move);
                } catch (SQLException e) {
                    System.out.println("move failed as expected: " + e.getMessage());
                }
            });
            Thread.sleep(random.nextInt(300));
            cluster.kill(targetIndex);
            mover.join(120_000);
            cluster.restart(targetIndex);
            assertThat(rows(url, "select count(*) from pg_dist_placement where shardid = " + shard))
                    .containsExactly("1");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("set citus.logical_replication_timeout = 20000");
                s.execute("insert into big values (30000, 1)");
            }
            String where = rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + shard).getFirst();
            if (!where.equals(target)) {
                execute(url, move);
            }
            for (int n = 0; n < 3; n++) {
                assertThat(rows(cluster.jdbcUrl(n), "select count(*), sum(v) from big"))
                        .containsExactly("20001|200010001");
            }
            assertThat(rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + shard)).containsExactly(target);
            execute(url, "select citus_cleanup_orphaned_resources()");
        }
    }
}
