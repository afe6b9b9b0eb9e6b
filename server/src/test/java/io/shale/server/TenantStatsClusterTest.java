package io.shale.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * citus_stat_tenants on a coordinator and two workers: router tasks are counted on the node that runs them, whether
 * sent from the coordinator or from a worker, in autocommit and in a transaction block; citus_stat_tenants gathers
 * every node's counts with its nodeid, on any node; citus_stat_tenants_reset clears every node.
 */
@Timeout(120)
class TenantStatsClusterTest extends ThreeNodeClusterTest {
    private static final String COUNTS = "select nodeid, tenant_attribute, read_count_in_this_period,"
            + " query_count_in_this_period from citus_stat_tenants order by tenant_attribute";

    @BeforeEach
    void table() throws SQLException {
        execute(cluster.jdbcUrl(0), "drop table if exists tenant_accounts");
        execute(cluster.jdbcUrl(0), "create table tenant_accounts (id int primary key, balance int)");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('tenant_accounts', 'id', shard_count => 4)");
        execute(cluster.jdbcUrl(0), "select citus_stat_tenants_reset()");
    }

    /** The pg_dist_node id and the cluster index of the node holding the shard of tenant {@code id}. */
    private static int[] holder(int id) throws SQLException {
        String row = rows(cluster.jdbcUrl(0), "select n.nodeid, n.nodeport from pg_dist_node n join pg_dist_placement p"
                + " using (groupid) where p.shardid = get_shard_id_for_distribution_column('tenant_accounts', " + id + ")")
                .getFirst();
        String[] f = row.split("\\|");
        int port = Integer.parseInt(f[1]);
        for (int i = 0; i < 3; i++) {
            if (cluster.port(i) == port) {
                return new int[] {Integer.parseInt(f[0]), i};
            }
        }
        throw new AssertionError("no node on port " + port);
    }

    @Test
    void routerTasksAreCountedOnTheNodeThatRunsThem() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute("set citus.stat_tenants_track to 'all'");
            s.execute("insert into tenant_accounts values (1, 10)");
            s.execute("insert into tenant_accounts values (2, 20)");
            try (PreparedStatement p = c.prepareStatement("select balance from tenant_accounts where id = ?")) {
                for (int i = 0; i < 7; i++) {
                    p.setInt(1, 1);
                    try (ResultSet r = p.executeQuery()) {
                        assertThat(r.next()).isTrue();
                    }
                }
            }
            c.setAutoCommit(false);
            s.execute("update tenant_accounts set balance = balance + 1 where id = 2");
            s.executeQuery("select * from tenant_accounts where id = 2").close();
            c.commit();
            c.setAutoCommit(true);
            s.executeQuery("select count(*) from tenant_accounts").close();
        }
        int[] one = holder(1);
        int[] two = holder(2);
        assertThat(rows(cluster.jdbcUrl(0), COUNTS)).containsExactly(one[0] + "|1|7|8", two[0] + "|2|1|3");
        assertThat(rows(cluster.jdbcUrl(2), COUNTS)).isEqualTo(rows(cluster.jdbcUrl(0), COUNTS));
        assertThat(rows(cluster.jdbcUrl(one[1]), "select tenant_attribute from citus_stat_tenants_local"))
                .contains("1");
        assertThat(rows(cluster.jdbcUrl(0), "select count(*) from citus_stat_tenants_local")).containsExactly("0");
        assertThat(rows(cluster.jdbcUrl(0), "select colocation_id = (select colocationid from pg_dist_partition"
                + " where logicalrelid = 'tenant_accounts'::regclass) from citus_stat_tenants"))
                .containsExactly("t", "t");
        execute(cluster.jdbcUrl(0), "select citus_stat_tenants_reset()");
        assertThat(rows(cluster.jdbcUrl(0), COUNTS)).isEmpty();
    }

    @Test
    void tasksFromAWorkerAreCountedToo() throws SQLException {
        execute(cluster.jdbcUrl(0), "insert into tenant_accounts select g, g from generate_series(1, 20) g");
        for (int node = 1; node < 3; node++) {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(node)); Statement s = c.createStatement()) {
                s.execute("set citus.stat_tenants_track to 'all'");
                for (int id = 1; id <= 20; id++) {
                    s.executeQuery("select balance from tenant_accounts where id = " + id).close();
                }
            }
        }
        List<String> counts = rows(cluster.jdbcUrl(0), "select tenant_attribute, read_count_in_this_period"
                + " from citus_stat_tenants(true) order by tenant_attribute::int");
        assertThat(counts).hasSize(20).allSatisfy(row -> assertThat(row).endsWith("|2"));
        for (int id : new int[] {3, 17}) {
            assertThat(rows(cluster.jdbcUrl(holder(id)[1]), "select read_count_in_this_period"
                    + " from citus_stat_tenants_local where tenant_attribute = '" + id + "'")).containsExactly("2");
        }
    }

    @Test
    void schemaTenantsAreCountedOnTheirNodeUnderTheSchemaName() throws SQLException {
        execute(cluster.jdbcUrl(0), "drop schema if exists tenant_x cascade");
        execute(cluster.jdbcUrl(0), "drop schema if exists tenant_y cascade");
        execute(cluster.jdbcUrl(0), "create schema tenant_x");
        execute(cluster.jdbcUrl(0), "create schema tenant_y");
        execute(cluster.jdbcUrl(0), "create table tenant_x.orders (id bigint primary key, total int)");
        execute(cluster.jdbcUrl(0), "create table tenant_y.orders (id bigint primary key, total int)");
        execute(cluster.jdbcUrl(0), "select citus_schema_distribute('tenant_x')");
        execute(cluster.jdbcUrl(0), "select citus_schema_distribute('tenant_y')");
        for (int node = 0; node < 3; node++) {
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(node)); Statement s = c.createStatement()) {
                s.execute("set citus.stat_tenants_track to 'all'");
                s.execute("insert into tenant_x.orders values (" + node + ", 1)");
                s.executeQuery("select * from tenant_x.orders where id = " + node).close();
                s.execute("set search_path to tenant_y");
                s.executeQuery("select count(*) from orders").close();
            }
        }
        String nodeOf = "select n.nodeid from pg_dist_node n join pg_dist_placement p using (groupid)"
                + " join pg_dist_shard s using (shardid) where s.logicalrelid = '%s.orders'::regclass";
        String x = rows(cluster.jdbcUrl(0), String.format(nodeOf, "tenant_x")).getFirst();
        String y = rows(cluster.jdbcUrl(0), String.format(nodeOf, "tenant_y")).getFirst();
        assertThat(rows(cluster.jdbcUrl(1), COUNTS)).containsExactly(x + "|tenant_x|3|6", y + "|tenant_y|3|3");
    }
}
