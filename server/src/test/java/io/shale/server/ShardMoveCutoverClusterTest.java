package io.shale.server;

import io.shale.engine.citus.MoveProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cutover of online moves on a disk-backed cluster (fsync on) while clients insert through the coordinator and
 * both workers into two colocated tables with secondary indexes: each move's write-blocked window, step by step, and
 * the slowest write statement are printed; every acknowledged row is there once, and no window comes near the 2 s a
 * statement may wait.
 */
@Timeout(300)
class ShardMoveCutoverClusterTest {
    private static final int MOVES = 10;

    @Test
    void cutoverStepsUnderWriters(@TempDir Path data) throws Exception {
        try (LocalCluster cluster = LocalCluster.builder().nodes(3).dataDirectory(data)
                .setting("citus.defer_shard_delete_interval", "-1").start()) {
            String url = cluster.jdbcUrl(0);
            execute(url, "create table orders (id bigint primary key, v bigint)");
            execute(url, "create index orders_v on orders (v)");
            execute(url, "select create_distributed_table('orders', 'id', shard_count => 2)");
            execute(url, "create table lines (id bigint primary key, v bigint)");
            execute(url, "create index lines_v on lines (v)");
            execute(url, "select create_distributed_table('lines', 'id', colocate_with => 'orders')");
            execute(url, "insert into orders select g, g from generate_series(1000000, 1010000) g");
            String shard = rows(url, "select min(shardid) from pg_dist_shard where logicalrelid = 'orders'::regclass")
                    .getFirst();
            AtomicLong keys = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Long> acknowledged = new CopyOnWriteArrayList<>();
            AtomicLong slowest = new AtomicLong();
            List<Thread> writers = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                String nodeUrl = cluster.jdbcUrl(n);
                writers.add(Thread.ofPlatform().start(() -> write(nodeUrl, keys, stop, failures, acknowledged, slowest)));
            }
            Map<String, List<Long>> steps = new LinkedHashMap<>();
            List<Long> totals = new ArrayList<>();
            MoveProgress progress = cluster.node(0).engine().moveProgress();
            for (int i = 0; i < MOVES; i++) {
                String source = rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                        + "where shardid = " + shard).getFirst();
                String target = rows(url, "select nodeid from pg_dist_node where groupid > 0 and nodeid <> " + source
                        + " order by nodeid limit 1").getFirst();
                execute(url, "select citus_move_shard_placement(" + shard + ", " + source + ", " + target
                        + ", 'force_logical')");
                totals.add(progress.lastWriteBlockNanos() / 1_000);
                for (MoveProgress.CutoverStep s : progress.lastCutoverSteps()) {
                    steps.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s.nanos() / 1_000);
                }
                execute(url, "select citus_cleanup_orphaned_resources()");
            }
            stop.set(true);
            for (Thread t : writers) {
                t.join(60_000);
            }
            System.out.println("ShardMoveCutoverClusterTest writes blocked per move (µs): " + totals + ", median "
                    + median(totals));
            for (Map.Entry<String, List<Long>> e : steps.entrySet()) {
                System.out.println("ShardMoveCutoverClusterTest step " + e.getKey() + " (µs): median "
                        + median(e.getValue()) + ", max " + e.getValue().stream().mapToLong(v -> v).max().orElse(0)
                        + ", all " + e.getValue());
            }
            System.out.println("ShardMoveCutoverClusterTest slowest write statement (µs): " + slowest.get() / 1_000);
            assertThat(failures).isEmpty();
            assertThat(totals).hasSize(MOVES).allMatch(t -> t > 0 && t < 2_000_000);
            assertThat(acknowledged).isNotEmpty();
            long count = 10001 + acknowledged.size();
            for (int n = 0; n < 3; n++) {
                assertThat(rows(cluster.jdbcUrl(n), "select count(*), count(distinct id) from orders"))
                        .containsExactly(count + "|" + count);
                assertThat(rows(cluster.jdbcUrl(n), "select count(*), count(distinct id) from lines"))
                        .containsExactly(acknowledged.size() + "|" + acknowledged.size());
            }
            assertThat(rows(url, "select count(*) from pg_dist_placement p join pg_dist_shard s using (shardid) "
                    + "where s.logicalrelid = 'orders'::regclass")).containsExactly("2");
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** Inserts a new key into both tables, one statement each, until stopped; logs the keys acknowledged twice. */
    private static void write(String url, AtomicLong keys, AtomicBoolean stop, List<Throwable> failures,
                              List<Long> acknowledged, AtomicLong slowest) {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement orders = c.prepareStatement("insert into orders values (?, ?)");
             PreparedStatement lines = c.prepareStatement("insert into lines values (?, ?)")) {
            while (!stop.get()) {
                long id = keys.incrementAndGet();
                long started = System.nanoTime();
                orders.setLong(1, id);
                orders.setLong(2, id);
                orders.executeUpdate();
                long between = System.nanoTime();
                lines.setLong(1, id);
                lines.setLong(2, id);
                lines.executeUpdate();
                acknowledged.add(id);
                long now = System.nanoTime();
                slowest.accumulateAndGet(Math.max(between - started, now - between), Math::max);
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }
}
