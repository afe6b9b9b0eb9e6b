package io.shale.server;

import io.shale.engine.citus.MoveProgress;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static io.shale.server.ShardMoveKillClusterTest.nodeIndex;
import static io.shale.server.ShardMoveKillClusterTest.phase;
import static io.shale.server.ShardMoveKillClusterTest.reserved;
import static io.shale.server.ShardMoveKillClusterTest.storedOnSomeNode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An online move whose nodes lose the network between them while it copies or catches up (source and target,
 * coordinator and source, coordinator and target): the move fails with an error, the shard keeps its one active
 * placement with every row, and once the network is back the orphans are cleaned up and a retried move succeeds.
 */
@Timeout(300)
class ShardMovePartitionClusterTest {
    @ParameterizedTest
    @ValueSource(strings = {"source-target copy", "coordinator-source catchup", "coordinator-target copy"})
    void aNetworkCutFailsTheMoveAndARetryWorksOnceItHeals(String when, @TempDir Path data) throws Exception {
        String[] pair = when.split(" ")[0].split("-");
        boolean catchUp = when.endsWith("catchup");
        try (LocalCluster cluster = LocalCluster.builder().nodes(3).dataDirectory(data)
                .setting("citus.defer_shard_delete_interval", "-1").start()) {
            String url = cluster.jdbcUrl(0);
            ShardMoveKillClusterTest.MovingShard moving = ShardMoveKillClusterTest.MovingShard.ofBigTable(url, 40000);
            int source = nodeIndex(cluster, url, moving.source());
            int target = nodeIndex(cluster, url, moving.target());
            int a = index(pair[0], source, target);
            int b = index(pair[1], source, target);
            String move = "select citus_move_shard_placement(" + moving.shard() + ", " + moving.source() + ", "
                    + moving.target() + ", 'force_logical')";
            AtomicReference<String> failure = new AtomicReference<>();
            Thread mover = Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("set shale.shard_copy_rate_limit = 1");
                    s.execute(move);
                } catch (SQLException e) {
                    failure.set(e.getSQLState() + " " + e.getMessage());
                }
            });
            MoveProgress progress = ShardMoveKillClusterTest.awaitCopying(cluster, mover);
            List<Long> reserved = reserved(cluster);
            if (catchUp) {
                execute(cluster.jdbcUrl(target), "insert into big select g, 1 from generate_series(100001, 110000) g");
                while (mover.isAlive() && !phase(progress, MoveProgress.Phase.CATCHING_UP)) {
                    mover.join(1);
                }
            }
            cluster.cut(a, b);
            mover.join(120_000);
            assertThat(mover.isAlive()).isFalse();
            assertThat(failure.get()).as("the move fails").isNotNull();
            System.out.println("ShardMovePartitionClusterTest " + when + ": " + failure.get());
            cluster.heal(a, b);
            long count = catchUp ? 50000 : 40000;
            assertThat(rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + moving.shard())).containsExactly(moving.source());
            assertThat(rows(url, "select count(*) from big")).containsExactly(String.valueOf(count));
            execute(url, "select citus_cleanup_orphaned_resources()");
            assertThat(rows(url, "select count(*) from pg_dist_cleanup")).containsExactly("0");
            for (long id : reserved) {
                long until = System.nanoTime() + 10_000_000_000L;
                while (storedOnSomeNode(cluster, id) && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                assertThat(storedOnSomeNode(cluster, id)).as("reserved storage " + id).isFalse();
            }
            execute(url, move);
            for (int n = 0; n < 3; n++) {
                assertThat(rows(cluster.jdbcUrl(n), "select count(*) from big"))
                        .containsExactly(String.valueOf(count));
            }
            assertThat(rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + moving.shard())).containsExactly(moving.target());
        }
    }

    private static int index(String role, int source, int target) {
        return switch (role) {
            case "source" -> source;
            case "target" -> target;
            default -> 0;
        };
    }
}
