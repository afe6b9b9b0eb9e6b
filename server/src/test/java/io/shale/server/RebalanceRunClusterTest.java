package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Running the rebalancer through pgjdbc on a coordinator and two workers: rebalance_table_shards in the foreground,
 * citus_rebalance_start as a background job with citus_rebalance_status / wait / stop, get_rebalance_progress while
 * a move waits, and citus_drain_node. Each test works in a database of its own. A move is held up by a transaction
 * left open on the coordinator (a blocking move waits for the transactions running when it blocks writes).
 */
@Timeout(180)
class RebalanceRunClusterTest extends ThreeNodeClusterTest {
    private static final String GROUPS = "select n.nodeport, count(*) from pg_dist_placement p join pg_dist_node n "
            + "using (groupid) join pg_dist_shard s using (shardid) where s.logicalrelid = 'items'::regclass "
            + "group by 1 order by 1";

    @Test
    void rebalanceTableShardsMovesInTheForeground() throws SQLException {
        String url = database("fg");
        unbalancedItems(url);
        List<String> notices = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("select rebalance_table_shards(shard_transfer_mode => 'block_writes')");
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                notices.add(w.getMessage());
            }
        }
        assertThat(notices).hasSize(2).allMatch(n -> n.matches("Moving shard \\d+ from 127\\.0\\.0\\.1:\\d+ to "
                + "127\\.0\\.0\\.1:\\d+ \\.\\.\\."));
        assertThat(rows(url, GROUPS)).containsExactlyInAnyOrder(cluster.port(1) + "|2", cluster.port(2) + "|2");
        assertThat(rows(url, "select count(*), sum(v) from items")).containsExactly("1000|500500");
        assertThat(rows(url, "select count(*) from get_rebalance_progress()")).containsExactly("0");
        execute(url, "select rebalance_table_shards('items', shard_transfer_mode => 'block_writes')");
        assertThat(rows(url, GROUPS)).containsExactlyInAnyOrder(cluster.port(1) + "|2", cluster.port(2) + "|2");
    }

    @Test
    void foregroundOptionsCancelAndWorkers() throws Exception {
        String url = database("opts");
        unbalancedItems(url);
        String worker = url.replace(":" + cluster.port(0) + "/", ":" + cluster.port(1) + "/");
        assertThatThrownBy(() -> execute(worker, "select rebalance_table_shards()"))
                .hasMessageContaining("operation is not allowed on this node");
        assertThatThrownBy(() -> execute(worker, "select citus_rebalance_start()"))
                .hasMessageContaining("operation is not allowed on this node");
        try (Connection holder = DriverManager.getConnection(cluster.jdbcUrl(0));
             Connection mover = DriverManager.getConnection(url); Statement s = mover.createStatement()) {
            holdTransaction(holder);
            CompletableFuture<Void> rebalance = CompletableFuture.runAsync(() -> {
                try {
                    s.execute("select rebalance_table_shards(shard_transfer_mode => 'block_writes')");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitRows(url, "select count(*) from get_rebalance_progress() where status = 'Not Started Yet'", "1");
            s.cancel();
            assertThatThrownBy(() -> rebalance.get(30, TimeUnit.SECONDS))
                    .hasMessageContaining("canceling statement due to user request");
            holder.commit();
        }
        assertThat(rows(url, "select count(*) from get_rebalance_progress()")).containsExactly("0");
        assertThat(rows(url, GROUPS)).containsExactly(cluster.port(1) + "|4");
        execute(url, "insert into items values (5000, 5000)");
        execute(url, "delete from items where id = 5000");
        String excluded = rows(url, "select min(shardid) from pg_dist_shard").getFirst();
        execute(url, "select rebalance_table_shards('items', max_shard_moves => 1, excluded_shard_list => '{"
                + excluded + "}', shard_transfer_mode => 'block_writes')");
        assertThat(rows(url, GROUPS)).containsExactlyInAnyOrder(cluster.port(1) + "|3", cluster.port(2) + "|1");
        assertThat(rows(url, "select count(*) from pg_dist_placement p join pg_dist_node n using (groupid) where "
                + "shardid = " + excluded + " and n.nodeport = " + cluster.port(1))).containsExactly("1");
        assertThat(rows(url, "select count(*), sum(v) from items")).containsExactly("1000|500500");
    }

    @Test
    void autoNeedsAReplicaIdentityBeforeAnyMove() throws SQLException {
        String url = database("ri");
        unbalancedItems(url);
        execute(url, "create table nokey (id bigint, v int)");
        execute(url, "select create_distributed_table('nokey', 'id', colocate_with => 'items')");
        List<String> before = rows(url, GROUPS);
        assertThatThrownBy(() -> execute(url, "select rebalance_table_shards()")).hasMessageContaining(
                "cannot use logical replication to transfer shards of the relation nokey since it doesn't have a "
                        + "REPLICA IDENTITY or PRIMARY KEY");
        assertThatThrownBy(() -> execute(url, "select citus_rebalance_start()")).hasMessageContaining(
                "cannot use logical replication to transfer shards of the relation nokey");
        assertThat(rows(url, GROUPS)).isEqualTo(before);
        assertThat(rows(url, "select count(*) from pg_dist_background_job")).containsExactly("0");
        assertThatThrownBy(() -> execute(url, "select rebalance_table_shards(shard_transfer_mode => 'fast')"))
                .hasMessageContaining("invalid input value for enum citus.shard_transfer_mode: \"fast\"");
    }

    @Test
    void backgroundRebalanceRunsToCompletion() throws Exception {
        String url = database("bg");
        unbalancedItems(url);
        try (Connection holder = DriverManager.getConnection(cluster.jdbcUrl(0));
             Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            holdTransaction(holder);
            long job = value(s, "select citus_rebalance_start(shard_transfer_mode => 'block_writes')");
            SQLWarning w = s.getWarnings();
            assertThat(w.getMessage()).isEqualTo("Scheduled 2 moves as job " + job);
            assertThat(rows(url, "select job_type, description from pg_dist_background_job"))
                    .containsExactly("rebalance|Rebalance all colocation groups");
            assertThat(rows(url, "select command, array_length(nodes_involved, 1) from pg_dist_background_task "
                    + "order by task_id")).allMatch(r -> r.matches("SELECT pg_catalog\\.citus_move_shard_placement\\("
                    + "\\d+,\\d+,\\d+,'block_writes'\\)\\|2"));
            assertThatThrownBy(() -> execute(url, "select citus_rebalance_start()"))
                    .hasMessageContaining("A rebalance is already running as job " + job);
            awaitRows(url, "select state from citus_rebalance_status()", "running");
            assertThat(rows(url, "select details->'tasks'->0->>'state', details->'tasks'->0->>'command' "
                    + "from citus_rebalance_status()").getFirst()).startsWith("running|SELECT pg_catalog.citus_move");
            holder.commit();
            s.execute("select citus_rebalance_wait()");
            assertThat((Object) s.getWarnings()).isNull();
        }
        assertThat(rows(url, "select state, details from citus_rebalance_status()"))
                .containsExactly("finished|{\"tasks\": [], \"task_state_counts\": {\"done\": 2}}");
        assertThat(rows(url, "select state from citus_job_status(" + rows(url,
                "select max(job_id) from pg_dist_background_job").getFirst() + ", raw => true)"))
                .containsExactly("finished");
        assertThat(rows(url, GROUPS)).containsExactlyInAnyOrder(cluster.port(1) + "|2", cluster.port(2) + "|2");
        assertThat(rows(url, "select count(*), sum(v) from items")).containsExactly("1000|500500");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(rows(url, "select citus_rebalance_start() is null")).containsExactly("t");
            s.execute("select citus_rebalance_start()");
            assertThat(s.getWarnings().getMessage()).isEqualTo("No moves available for rebalancing");
            s.execute("select citus_rebalance_wait()");
            assertThat(s.getWarnings().getMessage()).isEqualTo("no ongoing rebalance that can be waited on");
        }
    }

    @Test
    void stopCancelsTheRunningRebalance() throws Exception {
        String url = database("stop");
        unbalancedItems(url);
        try (Connection holder = DriverManager.getConnection(cluster.jdbcUrl(0))) {
            holdTransaction(holder);
            execute(url, "select citus_rebalance_start(shard_transfer_mode => 'block_writes')");
            awaitRows(url, "select details->'task_state_counts'->>'running' from citus_rebalance_status()", "1");
            execute(url, "select citus_rebalance_stop()");
            awaitRows(url, "select state from citus_rebalance_status()", "cancelled");
            holder.commit();
        }
        assertThat(rows(url, "select details->'task_state_counts' from citus_rebalance_status()"))
                .containsExactly("{\"cancelled\": 2}");
        assertThatThrownBy(() -> execute(url, "select citus_rebalance_stop()"))
                .hasMessageContaining("no ongoing rebalance that can be stopped");
        assertThat(rows(url, "select count(*), sum(v) from items")).containsExactly("1000|500500");
    }

    @Test
    void progressListsTheQueuedShardsOfAForegroundRebalance() throws Exception {
        String url = database("progress");
        unbalancedItems(url);
        try (Connection holder = DriverManager.getConnection(cluster.jdbcUrl(0));
             Connection mover = DriverManager.getConnection(url)) {
            long pid = value(mover.createStatement(), "select pg_backend_pid()");
            holdTransaction(holder);
            CompletableFuture<Void> rebalance = CompletableFuture.runAsync(() -> {
                try (Statement s = mover.createStatement()) {
                    s.execute("select rebalance_table_shards(shard_transfer_mode => 'block_writes')");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String queued = pid + "|items|0|move|0/0|Not Started Yet";
            awaitRows(url, "select sessionid, table_name, progress, operation_type, source_lsn, status "
                    + "from get_rebalance_progress() where status = 'Not Started Yet'", queued);
            holder.commit();
            rebalance.get(60, TimeUnit.SECONDS);
        }
        assertThat(rows(url, "select count(*) from get_rebalance_progress()")).containsExactly("0");
        assertThat(rows(url, GROUPS)).containsExactlyInAnyOrder(cluster.port(1) + "|2", cluster.port(2) + "|2");
    }

    @Test
    void drainNodeMovesEveryShardOff() throws SQLException {
        String url = database("drain");
        execute(url, "create table items (id bigint primary key, v int)");
        execute(url, "select create_distributed_table('items', 'id', shard_count => 4)");
        execute(url, "insert into items select g, g from generate_series(1, 1000) g");
        try {
            execute(url, "select citus_drain_node('127.0.0.1', " + cluster.port(1) + ", 'block_writes')");
            assertThat(rows(url, GROUPS)).containsExactly(cluster.port(2) + "|4");
            assertThat(rows(url, "select shouldhaveshards from pg_dist_node where nodeport = " + cluster.port(1)))
                    .containsExactly("f");
            assertThat(rows(url, "select count(*), sum(v) from items")).containsExactly("1000|500500");
        } finally {
            execute(url, "select citus_set_node_property('127.0.0.1', " + cluster.port(1)
                    + ", 'shouldhaveshards', true)");
        }
        execute(url, "select rebalance_table_shards(shard_transfer_mode => 'block_writes')");
        assertThat(rows(url, GROUPS)).containsExactlyInAnyOrder(cluster.port(1) + "|2", cluster.port(2) + "|2");
    }

    @Test
    void nothingToRebalance() throws SQLException {
        String url = database("empty");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(rows(url, "select citus_rebalance_start() is null")).containsExactly("t");
            s.execute("select citus_rebalance_start()");
            assertThat(s.getWarnings().getMessage()).isEqualTo("No tables to rebalance");
            s.execute("select rebalance_table_shards()");
            assertThat((Object) s.getWarnings()).isNull();
        }
        assertThat(rows(url, "select count(*) from citus_rebalance_status()")).containsExactly("0");
    }

    /** A database of its own, on the coordinator. */
    static String database(String name) throws SQLException {
        execute(cluster.jdbcUrl(0), "create database rr_" + name);
        return cluster.jdbcUrl(0).replace("/postgres?", "/rr_" + name + "?");
    }

    /** items: 4 shards with 250 rows each, all on the first worker. */
    private static void unbalancedItems(String url) throws SQLException {
        execute(url, "create table items (id bigint primary key, v int)");
        execute(url, "select create_distributed_table('items', 'id', shard_count => 4)");
        execute(url, "insert into items select g, g from generate_series(1, 1000) g");
        String first = rows(url, "select nodeid from pg_dist_node where nodeport = " + cluster.port(1)).getFirst();
        for (String row : rows(url, "select shardid, nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                + "join pg_dist_shard using (shardid) where logicalrelid = 'items'::regclass and nodeid <> " + first)) {
            String[] r = row.split("\\|");
            execute(url, "select citus_move_shard_placement(" + r[0] + ", " + r[1] + ", " + first + ", 'block_writes')");
        }
        execute(url, "select citus_cleanup_orphaned_resources()");
        assertThat(rows(url, GROUPS)).containsExactly(cluster.port(1) + "|4");
    }

    /** Leaves a transaction open on the coordinator: moves started after this wait for it to end. */
    private static void holdTransaction(Connection holder) throws SQLException {
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            s.executeQuery("select 1").close();
        }
    }

    private static void awaitRows(String url, String sql, String... expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> last = List.of();
        while (System.nanoTime() < deadline) {
            last = rows(url, sql);
            if (last.equals(List.of(expected)) || (expected.length == 1 && last.contains(expected[0]))) {
                return;
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError(sql + " returned " + last + ", expected " + List.of(expected));
    }
}
