package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out through pgjdbc: a fourth node joins a cluster of a coordinator and two workers, citus_rebalance_start
 * copies the reference table to it first (a task the moves wait for), then moves shard groups onto it, while the data
 * stays readable from every node; a fifth node then gets them from rebalance_table_shards in the foreground.
 */
@Timeout(180)
class ScaleOutRebalanceTest {
    private static final String SPREAD = "select n.nodeport, count(*) from pg_dist_placement p join pg_dist_node n "
            + "using (groupid) join pg_dist_shard s using (shardid) where s.logicalrelid = '%s'::regclass "
            + "group by 1 order by 1";

    @Test
    void anAddedNodeGetsReferenceTablesThenShards() throws Exception {
        try (LocalCluster cluster = LocalCluster.builder().nodes(3).inMemory().setting("fsync", "off").start()) {
            String url = cluster.jdbcUrl(0);
            execute(url, "create table kinds (id int primary key, name text)");
            execute(url, "select create_reference_table('kinds')");
            execute(url, "insert into kinds values (1, 'one'), (2, 'two')");
            execute(url, "create table events (id bigint primary key, kind int, v int)");
            execute(url, "select create_distributed_table('events', 'id', shard_count => 6)");
            execute(url, "create table notes (id bigint primary key, n text)");
            execute(url, "select create_distributed_table('notes', 'id', colocate_with => 'events')");
            execute(url, "insert into events select g, 1 + g % 2, g from generate_series(1, 1200) g");
            execute(url, "insert into notes select g, 'n' || g from generate_series(1, 1200) g");

            int added = cluster.addNode();
            int port = cluster.port(added);
            assertThat(rows(url, SPREAD.formatted("kinds"))).doesNotContain(port + "|1");

            long job;
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                job = ThreeNodeClusterTest.value(s, "select citus_rebalance_start(shard_transfer_mode => "
                        + "'block_writes')");
                assertThat(s.getWarnings().getMessage()).isEqualTo("Scheduled 2 moves as job " + job);
            }
            assertThat(rows(url, "select command from pg_dist_background_task where job_id = " + job
                    + " order by task_id").getFirst())
                    .isEqualTo("SELECT pg_catalog.replicate_reference_tables('block_writes')");
            assertThat(rows(url, "select t.task_id - d.depends_on from pg_dist_background_task_depend d "
                    + "join pg_dist_background_task t using (task_id) where t.job_id = " + job + " order by 1"))
                    .containsExactly("1", "1");
            execute(url, "select citus_job_wait(" + job + ")");
            assertThat(rows(url, "select state from citus_rebalance_status()")).containsExactly("finished");

            assertThat(rows(url, SPREAD.formatted("events"))).containsExactlyInAnyOrder(cluster.port(1) + "|2",
                    cluster.port(2) + "|2", port + "|2");
            assertThat(rows(url, SPREAD.formatted("notes"))).isEqualTo(rows(url, SPREAD.formatted("events")));
            assertThat(rows(url, SPREAD.formatted("kinds"))).contains(port + "|1");
            for (int n = 0; n <= added; n++) {
                String node = cluster.jdbcUrl(n);
                assertThat(rows(node, "select count(*), sum(v) from events")).containsExactly("1200|720600");
                assertThat(rows(node, "select k.name, count(*) from events e join kinds k on k.id = e.kind "
                        + "join notes t on t.id = e.id group by 1 order by 1")).containsExactly("one|600", "two|600");
            }
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(added)); Statement s = c.createStatement()) {
                assertThat(ThreeNodeClusterTest.value(s, "select count(*) from kinds_" + rows(url,
                        "select shardid from pg_dist_shard where logicalrelid = 'kinds'::regclass").getFirst()))
                        .isEqualTo(2);
            }

            int fifth = cluster.addNode();
            int fifthPort = cluster.port(fifth);
            execute(url, "select rebalance_table_shards('events', shard_transfer_mode => 'block_writes')");
            assertThat(rows(url, SPREAD.formatted("kinds"))).contains(fifthPort + "|1");
            assertThat(rows(url, SPREAD.formatted("events"))).contains(fifthPort + "|1").hasSize(4);
            assertThat(rows(cluster.jdbcUrl(fifth), "select count(*), sum(v) from events"))
                    .containsExactly("1200|720600");
        }
    }
}
