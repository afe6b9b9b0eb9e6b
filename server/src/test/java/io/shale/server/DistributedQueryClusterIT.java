package io.shale.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The distributed planner on a coordinator and two workers: the same answers from every node (multi-shard
 * aggregates, router queries, joins with reference tables, ORDER BY … LIMIT, recursive planning), writes from a
 * worker, EXPLAIN naming the node of the task, and the refusal of plain tables mixed with distributed ones on a worker.
 */
@Timeout(120)
class DistributedQueryClusterIT extends ThreeNodeClusterTest {

    @BeforeAll
    static void createTables() throws SQLException {
        String coordinator = cluster.jdbcUrl(0);
        execute(coordinator, "create table q_events (tenant int, id int, v text)");
        execute(coordinator, "select create_distributed_table('q_events', 'tenant', shard_count => 4)");
        execute(coordinator, "create table q_kinds (id int, label text)");
        execute(coordinator, "select create_reference_table('q_kinds')");
        execute(coordinator, "insert into q_kinds values (1, 'one'), (2, 'two')");
        execute(coordinator, "insert into q_events select g % 5, g, 'v' || g from generate_series(1, 100) g");
        execute(coordinator, "create table q_plain (x int)");
        execute(coordinator, "insert into q_plain values (1), (2)");
    }

    @Test
    void everyNodeGivesTheSameAnswers() throws SQLException {
        for (int node = 0; node < 3; node++) {
            String url = cluster.jdbcUrl(node);
            assertThat(rows(url, "select count(*), sum(id), avg(id) from q_events"))
                    .containsExactly("100|5050|50.5000000000000000");
            assertThat(rows(url, "select tenant, count(*) from q_events group by tenant order by tenant"))
                    .containsExactly("0|20", "1|20", "2|20", "3|20", "4|20");
            assertThat(rows(url, "select count(*) from q_events where tenant = 3")).containsExactly("20");
            assertThat(rows(url, "select label, count(*) from q_events join q_kinds on q_kinds.id = q_events.tenant"
                    + " group by label order by 1")).containsExactly("one|20", "two|20");
            assertThat(rows(url, "select id from q_events order by id desc limit 3")).containsExactly("100", "99", "98");
            assertThat(rows(url, "with x as (select * from q_events order by id limit 5) select max(id) from x"))
                    .containsExactly("5");
            assertThat(rows(url, "select count(*) from q_plain")).containsExactly("2");
        }
        assertThat(rows(cluster.jdbcUrl(0), "select count(*) from q_events where tenant in (select x from q_plain)"))
                .containsExactly("40");
        assertThatThrownBy(() -> rows(cluster.jdbcUrl(1), "select count(*) from q_events where tenant in "
                + "(select x from q_plain)")).hasMessageContaining("direct joins between distributed and local tables");
    }

    @Test
    void explainNamesTheNodeOfTheTask() throws SQLException {
        String shard = rows(cluster.jdbcUrl(0), "select min(shardid) from pg_dist_shard"
                + " where logicalrelid = 'q_events'::regclass").getFirst();
        String port = rows(cluster.jdbcUrl(0), "select nodeport from citus_shards where shardid = " + shard).getFirst();
        assertThat(rows(cluster.jdbcUrl(2), "explain select count(*) from q_events")).containsExactly(
                "Aggregate",
                "  ->  Custom Scan (Citus Adaptive)",
                "        Task Count: 4",
                "        Tasks Shown: One of 4",
                "        ->  Task",
                "              Node: host=127.0.0.1 port=" + port + " dbname=postgres",
                "              ->  Aggregate",
                "                    ->  Seq Scan on q_events_" + shard);
    }

    @Test
    void writesFromAWorker() throws SQLException {
        String worker = cluster.jdbcUrl(1);
        execute(worker, "create table q_items (tenant int, id int, v text)");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('q_items', 'tenant', shard_count => 4)");
        execute(worker, "insert into q_items select g % 5, g, 'v' from generate_series(1, 50) g");
        execute(worker, "update q_items set v = 'u' where tenant = 2");
        execute(worker, "delete from q_items where id > 45");
        assertThat(rows(cluster.jdbcUrl(2), "select count(*), count(*) filter (where v = 'u') from q_items"))
                .containsExactly("45|9");
    }
}
