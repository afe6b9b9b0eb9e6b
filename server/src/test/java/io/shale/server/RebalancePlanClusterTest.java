package io.shale.server;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * get_rebalance_table_shards_plan on a coordinator with two workers, through pgjdbc: the seed tutorial's
 * three distributed schemas (userservice the largest, with pingservice on worker 2) plan the single move of
 * pingservice to worker 1, on the coordinator and on a worker; hash-distributed tables created while
 * worker 2 had shouldhaveshards off are spread once it is on.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebalancePlanClusterTest extends ThreeNodeClusterTest {
    private static String url(int node, String database) {
        return cluster.jdbcUrl(node).replace("/postgres?", "/" + database + "?");
    }

    /** Worker 1 or 2 as "name|port", in Citus's order of placement candidates (name, port). */
    private static String node(int worker) throws SQLException {
        return rows(cluster.jdbcUrl(0), "SELECT nodename || '|' || nodeport FROM pg_dist_node WHERE groupid > 0"
                + " ORDER BY nodename, nodeport").get(worker - 1);
    }

    private static String port(int worker) throws SQLException {
        return node(worker).substring(node(worker).indexOf('|') + 1);
    }

    @Test
    @Order(1)
    void theTutorialPlansOneMoveOfPingService() throws SQLException {
        execute(cluster.jdbcUrl(0), "CREATE DATABASE rplan_schemas");
        String admin = url(0, "rplan_schemas");
        execute(admin, "SET citus.enable_schema_based_sharding TO on; CREATE SCHEMA userservice;"
                + " CREATE SCHEMA timeservice; CREATE SCHEMA pingservice;"
                + " CREATE TABLE userservice.users (id int PRIMARY KEY, name text, email text);"
                + " CREATE TABLE timeservice.query_details (id int PRIMARY KEY, ip_address inet, query_time timestamp);"
                + " CREATE TABLE pingservice.ping_results (id int PRIMARY KEY, host text, result text)");
        execute(admin, "INSERT INTO userservice.users SELECT g, 'user ' || g, 'user' || g || '@example.com'"
                + " FROM generate_series(1, 3000) g");
        execute(admin, "INSERT INTO timeservice.query_details SELECT g, '127.0.0.1'::inet, '2024-01-01 10:00:00'::timestamp"
                + " FROM generate_series(1, 40) g");
        execute(admin, "INSERT INTO pingservice.ping_results SELECT g, 'example.com', 'ok' FROM generate_series(1, 20) g");
        String layout = "SELECT table_name || '|' || nodeport FROM citus_shards ORDER BY colocation_id";
        assertThat(rows(admin, layout)).containsExactly("userservice.users|" + port(2),
                "timeservice.query_details|" + port(1), "pingservice.ping_results|" + port(2));
        String shard = rows(admin, "SELECT shardid FROM pg_dist_shard"
                + " WHERE logicalrelid = 'pingservice.ping_results'::regclass").getFirst();
        String expected = "pingservice.ping_results|" + shard + "|0|" + node(2) + "|" + node(1);
        for (int n = 0; n < 2; n++) {
            assertThat(rows(url(n, "rplan_schemas"), "SELECT * FROM get_rebalance_table_shards_plan()"))
                    .containsExactly(expected);
        }
        assertThat(rows(admin, "SELECT * FROM get_rebalance_table_shards_plan(NULL, 0.1, 1000000, '{}', false,"
                + " 'by_disk_size', 0.5)")).containsExactly(expected);
        assertThat(rows(admin, "SELECT * FROM get_rebalance_table_shards_plan('timeservice.query_details')"))
                .isEmpty();
    }

    @Test
    @Order(2)
    void aWorkerWithoutShardsIsDrained() throws SQLException {
        String admin = url(0, "rplan_schemas");
        String worker2 = "'" + node(2).replace("|", "', ") + ", 'shouldhaveshards'";
        List<String> shards = rows(admin, "SELECT shardid FROM pg_dist_shard ORDER BY shardid");
        execute(cluster.jdbcUrl(0), "SELECT citus_set_node_property(" + worker2 + ", false)");
        try {
            List<String> expected = List.of(
                    "userservice.users|" + shards.get(0) + "|0|" + node(2) + "|" + node(1),
                    "pingservice.ping_results|" + shards.get(2) + "|0|" + node(2) + "|" + node(1));
            assertThat(rows(admin, "SELECT * FROM get_rebalance_table_shards_plan()")).isEqualTo(expected);
            assertThat(rows(admin, "SELECT * FROM get_rebalance_table_shards_plan(drain_only => true)"))
                    .isEqualTo(expected);
        } finally {
            execute(cluster.jdbcUrl(0), "SELECT citus_set_node_property(" + worker2 + ", true)");
        }
    }

    @Test
    @Order(3)
    void strategiesAreSharedWithTheWorkers() throws SQLException {
        String admin = url(0, "rplan_schemas");
        execute(admin, "SELECT citus_add_rebalance_strategy('by_count_loose', 'citus_shard_cost_1',"
                + " 'citus_node_capacity_1', 'citus_shard_allowed_on_node_true', 0.5)");
        execute(admin, "SELECT citus_set_default_rebalance_strategy('by_count_loose')");
        String strategies = "SELECT name || '|' || default_strategy || '|' || default_threshold"
                + " FROM pg_dist_rebalance_strategy ORDER BY name";
        List<String> expected = List.of("by_count_loose|true|0.5", "by_disk_size|false|0.1", "by_shard_count|false|0");
        assertThat(rows(admin, strategies)).isEqualTo(expected);
        assertThat(rows(url(2, "rplan_schemas"), strategies)).isEqualTo(expected);
        assertThat(rows(cluster.jdbcUrl(0), strategies)).containsExactly("by_disk_size|true|0.1",
                "by_shard_count|false|0");
        assertThat(rows(url(1, "rplan_schemas"), "SELECT * FROM get_rebalance_table_shards_plan()")).isEmpty();
    }

    @Test
    @Order(4)
    void citusBaseCostIgnoresTheTutorialMoveWithNotices() throws SQLException {
        String ping = rows(url(0, "rplan_schemas"), "SELECT shardid FROM pg_dist_shard"
                + " WHERE logicalrelid = 'pingservice.ping_results'::regclass").getFirst();
        try (Connection c = DriverManager.getConnection(url(0, "rplan_schemas")); Statement s = c.createStatement()) {
            s.execute("SET citus.rebalancer_by_disk_size_base_cost = '100MB'");
            try (ResultSet r = s.executeQuery("SELECT * FROM get_rebalance_table_shards_plan("
                    + "rebalance_strategy => 'by_disk_size', threshold => 0)")) {
                assertThat(r.next()).isFalse();
            }
            List<String> warnings = new ArrayList<>();
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(w.getMessage());
            }
            assertThat(warnings).hasSize(3);
            assertThat(warnings.get(0)).contains("the given threshold is lower than the minimum threshold allowed by"
                    + " the rebalance strategy, using the minimum allowed threshold instead");
            assertThat(warnings.get(1)).contains("Ignoring move of shard " + ping + " from " + node(2).replace('|', ':')
                    + " to " + node(1).replace('|', ':') + ", because the move only brings a small improvement"
                    + " relative to the shard its size");
            assertThat(warnings.get(2)).contains("Ignored 1 moves, all of which are shown in notices above");
        }
    }

    @Test
    @Order(5)
    void shardsCreatedOnOneWorkerAreSpread() throws SQLException {
        String coordinator = cluster.jdbcUrl(0);
        String worker2 = "'" + node(2).replace("|", "', ") + ", 'shouldhaveshards'";
        execute(coordinator, "CREATE DATABASE rplan_hash");
        String admin = url(0, "rplan_hash");
        execute(coordinator, "SELECT citus_set_node_property(" + worker2 + ", false)");
        try {
            execute(admin, "CREATE TABLE a (id int, v text); CREATE TABLE b (id int, w text);"
                    + " SELECT create_distributed_table('a', 'id', shard_count => 4);"
                    + " SELECT create_distributed_table('b', 'id', colocate_with => 'a')");
        } finally {
            execute(coordinator, "SELECT citus_set_node_property(" + worker2 + ", true)");
        }
        assertThat(rows(admin, "SELECT DISTINCT nodeport FROM citus_shards")).containsExactly(
                port(1));
        List<String> shards = rows(admin, "SELECT shardid FROM pg_dist_shard ORDER BY logicalrelid::text, shardid");
        String move = "|0|" + node(1) + "|" + node(2);
        List<String> expected = List.of("a|" + shards.get(0) + move, "b|" + shards.get(4) + move,
                "a|" + shards.get(1) + move, "b|" + shards.get(5) + move);
        assertThat(rows(admin, "SELECT * FROM get_rebalance_table_shards_plan()")).isEqualTo(expected);
        assertThat(rows(admin, "SELECT * FROM get_rebalance_table_shards_plan(rebalance_strategy := 'by_shard_count')"))
                .isEqualTo(expected);
        assertThat(rows(admin, "SELECT * FROM get_rebalance_table_shards_plan('b', max_shard_moves => 1)"))
                .isEqualTo(expected.subList(0, 2));
        assertThat(rows(admin, "SELECT * FROM get_rebalance_table_shards_plan(excluded_shard_list => ARRAY["
                + shards.get(0) + "]::bigint[])")).containsExactly("a|" + shards.get(1) + move,
                "b|" + shards.get(5) + move);
        assertThat(rows(url(1, "rplan_hash"), "SELECT * FROM get_rebalance_table_shards_plan()")).isEqualTo(expected);
    }
}
