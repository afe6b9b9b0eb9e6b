package io.shale.server;

import io.shale.catalog.distribution.CleanupRecord;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An online move whose source, target or coordinator is killed while it copies, catches up (20 000 rows written
 * during the copy, replayed at 1 MB/s) or cuts over (either side of the switch): after the restart the shard has one
 * active placement with every acknowledged row, a retried move succeeds, and (copy, catch-up) the storage the failed
 * move reserved on its target is dropped by citus_cleanup_orphaned_resources().
 */
@Timeout(300)
class ShardMoveKillClusterTest {
    @ParameterizedTest
    @ValueSource(strings = {"source copy", "target copy", "coordinator copy", "source catchup", "target catchup",
            "coordinator catchup", "source cutover", "target cutover", "coordinator cutover"})
    void killingANodeDuringAMoveKeepsOnePlacementAndARetryWorks(String when, @TempDir Path data) throws Exception {
        String killed = when.split(" ")[0];
        boolean catchUp = when.endsWith("catchup");
        boolean cutover = when.endsWith("cutover");
        long seed = System.nanoTime();
        System.out.println("ShardMoveKillClusterTest " + killed + " seed " + seed);
        Random random = new Random(seed);
        try (LocalCluster cluster = LocalCluster.builder().nodes(3).dataDirectory(data)
                .setting("citus.defer_shard_delete_interval", "-1").start()) {
            String url = cluster.jdbcUrl(0);
            MovingShard moving = MovingShard.ofBigTable(url, 40000);
            String shard = moving.shard();
            String source = moving.source();
            String target = moving.target();
            int victim = switch (killed) {
                case "source" -> nodeIndex(cluster, url, source);
                case "target" -> nodeIndex(cluster, url, target);
                default -> 0;
            };
            String move = "select citus_move_shard_placement(" + shard + ", " + source + ", " + target + ", 'auto')";
            Thread mover = Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("set shale.shard_copy_rate_limit = 1");
                    s.execute(move);
                } catch (SQLException e) {
                    System.out.println("move failed as expected: " + e.getMessage());
                }
            });
            MoveProgress progress = awaitCopying(cluster, mover);
            List<Long> reserved = reserved(cluster);
            assertThat(reserved).isNotEmpty();
            long count = 40000;
            long sum = 800020000L;
            if (catchUp) {
                String writer = cluster.jdbcUrl(victim == 0 ? 1 : 0);
                execute(writer, "insert into big select g, 1 from generate_series(100001, 120000) g");
                count += 20000;
                sum += 20000;
                while (mover.isAlive() && !phase(progress, MoveProgress.Phase.CATCHING_UP)) {
                    mover.join(1);
                }
            } else if (cutover) {
                while (mover.isAlive() && !phase(progress, MoveProgress.Phase.FINAL_CATCHUP)
                        && !phase(progress, MoveProgress.Phase.COMPLETING)) {
                    Thread.onSpinWait();
                }
            } else {
                mover.join(random.nextInt(300));
            }
            boolean finished = !mover.isAlive();
            System.out.println("ShardMoveKillClusterTest killing the " + killed + (finished ? " after the move"
                    : " in phase " + progress.statuses().stream().map(MoveProgress.Status::phase).toList()));
            cluster.kill(victim);
            mover.join(120_000);
            assertThat(mover.isAlive()).isFalse();
            cluster.restart(victim);
            assertThat(rows(url, "select count(*) from pg_dist_placement where shardid = " + shard))
                    .containsExactly("1");
            String placed = rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + shard).getFirst();
            if (!finished && !cutover) {
                assertThat(placed).isEqualTo(source);
            }
            assertThat(placed).isIn(source, target);
            execute(url, "insert into big values (50000, 1)");
            execute(url, "select citus_cleanup_orphaned_resources()");
            assertThat(rows(url, "select count(*) from pg_dist_cleanup")).containsExactly("0");
            if (placed.equals(source)) {
                for (long id : cutover ? List.<Long>of() : reserved) {
                    long until = System.nanoTime() + 10_000_000_000L;
                    while (storedOnSomeNode(cluster, id) && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    long waited = 10_000 - (until - System.nanoTime()) / 1_000_000;
                    if (waited > 50) {
                        System.out.println("ShardMoveKillClusterTest: reserved storage " + id + " freed after "
                                + waited + " ms");
                    }
                    assertThat(storedOnSomeNode(cluster, id)).as("reserved storage " + id).isFalse();
                }
                execute(url, move);
            }
            for (int n = 0; n < 3; n++) {
                assertThat(rows(cluster.jdbcUrl(n), "select count(*), sum(v) from big"))
                        .containsExactly((count + 1) + "|" + (sum + 1));
            }
            assertThat(rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + shard)).containsExactly(target);
            execute(url, "select citus_cleanup_orphaned_resources()");
        }
    }

    /** Waits (up to a minute) until the coordinator's move run by {@code mover} copies data; its progress. */
    static MoveProgress awaitCopying(LocalCluster cluster, Thread mover) throws InterruptedException {
        MoveProgress progress = cluster.node(0).engine().moveProgress();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!copying(progress)) {
            assertThat(System.nanoTime()).as("the move reaches Copying Data").isLessThan(deadline);
            mover.join(5);
        }
        return progress;
    }

    static boolean phase(MoveProgress progress, MoveProgress.Phase phase) {
        for (MoveProgress.Status s : progress.statuses()) {
            if (s.phase() == phase) {
                return true;
            }
        }
        return false;
    }

    static boolean copying(MoveProgress progress) {
        for (MoveProgress.Status s : progress.statuses()) {
            if (s.phase() == MoveProgress.Phase.COPYING_DATA && s.targetShardSize() > 0) {
                assertThat(s.sourceLsn()).as("the source's log position").isPositive();
                assertThat(s.sourceShardSize()).isPositive();
                return true;
            }
        }
        return false;
    }

    static int nodeIndex(LocalCluster cluster, String url, String nodeId) throws SQLException {
        int port = Integer.parseInt(rows(url, "select nodeport from pg_dist_node where nodeid = " + nodeId)
                .getFirst());
        for (int i = 0; i < cluster.size(); i++) {
            if (cluster.port(i) == port) {
                return i;
            }
        }
        throw new AssertionError("no node with port " + port);
    }

    /** The storage ids a running move reserved (pg_dist_cleanup records of policy 1, from the coordinator's catalog). */
    static List<Long> reserved(LocalCluster cluster) {
        List<Long> ids = new ArrayList<>();
        var catalog = cluster.node(0).engine().catalog();
        for (var d : catalog.databases()) {
            var objects = catalog.objects(d.oid());
            for (CleanupRecord r : objects == null ? List.<CleanupRecord>of() : objects.cleanupRecords()) {
                if (r.policyType() == 1) {
                    ids.addAll(r.storageIds());
                }
            }
        }
        return ids;
    }

    /** The first shard of {@code big(id bigint primary key, v int)} (two shards, rows 1…n with v = id) to move. */
    record MovingShard(String shard, String source, String target) {
        static MovingShard ofBigTable(String url, int n) throws SQLException {
            execute(url, "create table big (id bigint primary key, v int)");
            execute(url, "select create_distributed_table('big', 'id', shard_count => 2)");
            execute(url, "insert into big select g, g from generate_series(1, " + n + ") g");
            String shard = rows(url, "select min(shardid) from pg_dist_shard where logicalrelid = 'big'::regclass")
                    .getFirst();
            String source = rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + shard).getFirst();
            String target = rows(url, "select nodeid from pg_dist_node where groupid > 0 and nodeid <> " + source)
                    .getFirst();
            return new MovingShard(shard, source, target);
        }
    }

    /** Whether any node's store holds a key of storage id {@code id}. */
    static boolean storedOnSomeNode(LocalCluster cluster, long id) {
        for (int n = 0; n < cluster.size(); n++) {
            var txn = cluster.node(n).engine().store().begin(io.shale.storage.TransactionOptions.defaults());
            try (var cursor = txn.scan(io.shale.engine.exec.KeyBytes.ofLong(id).toArray(),
                    io.shale.engine.exec.KeyBytes.ofLong(id + 1).toArray(), false)) {
                if (cursor.next()) {
                    return true;
                }
            } finally {
                txn.rollback();
            }
        }
        return false;
    }
}
