package io.shale.server;

import io.shale.engine.citus.MoveProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 'block_writes' and an 'auto' move of a 200 000-row shard stream it in batches: the target's size grows step by
 * step while the move runs (get_rebalance_progress's view, MoveProgress), bounded by shale.shard_copy_rate_limit;
 * every row arrives. Prints the copy speed unbounded and at the default bound.
 */
@Timeout(300)
class ShardMoveStreamingClusterTest extends ThreeNodeClusterTest {
    private static final int ROWS = 200_000;

    /** What a move looked like from the coordinator's MoveProgress while it ran. */
    private record Observed(Set<Long> copyingSizes, List<MoveProgress.Phase> phases, long copiedBytes, long nanos) {
    }

    @Test
    void movesStreamTheRowsInBatches() throws Exception {
        String url = cluster.jdbcUrl(0);
        execute(url, "create table wide (id bigint primary key, payload text)");
        execute(url, "select create_distributed_table('wide', 'id', shard_count => 1)");
        for (int from = 1; from <= ROWS; from += 20_000) {
            execute(url, "insert into wide select g, repeat('x', 40) || g from generate_series(" + from + ", "
                    + (from + 19_999) + ") g");
        }
        String shard = rows(url, "select shardid from pg_dist_shard where logicalrelid = 'wide'::regclass").getFirst();
        String expected = rows(url, "select count(*), sum(id), sum(length(payload)) from wide").getFirst();
        for (String mode : List.of("block_writes", "auto")) {
            Observed seen = move(url, shard, mode, "8");
            assertThat(seen.copyingSizes()).as("target sizes seen while copying, " + mode).hasSizeGreaterThan(2);
            assertThat(seen.phases()).contains(MoveProgress.Phase.COPYING_DATA);
            if (mode.equals("auto")) {
                assertThat(seen.phases()).contains(MoveProgress.Phase.CATCHING_UP);
            } else {
                assertThat(seen.phases()).doesNotContain(MoveProgress.Phase.CATCHING_UP);
            }
            double seconds = seen.nanos() / 1e9;
            assertThat(seen.copiedBytes() / seconds).as("bytes per second at 8 MB/s").isLessThan(12.0 * (1 << 20));
            for (int n = 0; n < 3; n++) {
                assertThat(rows(cluster.jdbcUrl(n), "select count(*), sum(id), sum(length(payload)) from wide"))
                        .containsExactly(expected);
            }
        }
        for (String limit : List.of("0", "100")) {
            Observed seen = move(url, shard, "auto", limit);
            double seconds = seen.nanos() / 1e9;
            System.out.printf("ShardMoveStreamingClusterTest: %d rows, %.1f MB in %.2f s at limit %s MB/s: "
                            + "%.0f rows/s, %.1f MB/s%n", ROWS, seen.copiedBytes() / 1048576.0, seconds, limit,
                    ROWS / seconds, seen.copiedBytes() / 1048576.0 / seconds);
        }
        execute(url, "select citus_cleanup_orphaned_resources()");
        execute(url, "drop table wide");
    }

    /** Moves the shard to the other worker with a copy rate limit, watching MoveProgress on the coordinator. */
    private static Observed move(String url, String shard, String mode, String limit) throws Exception {
        String source = rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                + "where shardid = " + shard).getFirst();
        String target = rows(url, "select nodeid from pg_dist_node where groupid > 0 and nodeid <> " + source)
                .getFirst();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long started = System.nanoTime();
        Thread mover = Thread.ofPlatform().start(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("set shale.shard_copy_rate_limit = " + limit);
                s.execute("select citus_move_shard_placement(" + shard + ", " + source + ", " + target + ", '"
                        + mode + "')");
            } catch (SQLException e) {
                failure.set(e);
            }
        });
        Set<Long> sizes = new TreeSet<>();
        List<MoveProgress.Phase> phases = new CopyOnWriteArrayList<>();
        long copied = 0;
        MoveProgress progress = cluster.node(0).engine().moveProgress();
        while (mover.isAlive()) {
            for (MoveProgress.Status s : progress.statuses()) {
                if (phases.isEmpty() || phases.getLast() != s.phase()) {
                    phases.add(s.phase());
                }
                if (s.phase() == MoveProgress.Phase.COPYING_DATA && s.targetShardSize() > 0) {
                    sizes.add(s.targetShardSize());
                }
                copied = Math.max(copied, s.targetShardSize());
            }
            mover.join(1);
        }
        long nanos = System.nanoTime() - started;
        assertThat(failure.get()).isNull();
        assertThat(rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                + "where shardid = " + shard)).containsExactly(target);
        return new Observed(sizes, new ArrayList<>(phases), copied, nanos);
    }
}
