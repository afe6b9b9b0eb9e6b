package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coordinator's catalog reaches every active node before a DDL statement returns (CLUSTER.md, point 3). */
@Timeout(120)
class MetadataSyncTest extends ThreeNodeClusterTest {
    private static String tables(int node, String like) throws SQLException {
        return String.join(",", rows(cluster.jdbcUrl(node),
                "select relname from pg_class where relname like '" + like + "' order by relname"));
    }

    @Test
    void tablesAndIndexesOfTheCoordinatorAreOnEveryWorkerWhenTheStatementReturns() throws SQLException {
        execute(cluster.jdbcUrl(0), "create table sync_t (a int primary key, b text)");
        execute(cluster.jdbcUrl(0), "create index sync_t_b on sync_t (b)");
        for (int i = 0; i < 3; i++) {
            assertThat(tables(i, "sync_t%")).isEqualTo("sync_t,sync_t_b,sync_t_pkey");
        }
        assertThat(rows(cluster.jdbcUrl(2), "select indexdef from pg_indexes where indexname = 'sync_t_b'"))
                .containsExactly("CREATE INDEX sync_t_b ON public.sync_t USING btree (b)");
        execute(cluster.jdbcUrl(0), "drop table sync_t");
        assertThat(tables(1, "sync_t%")).isEmpty();
    }

    @Test
    void ddlFailsEverywhereWhenAWorkerIsCut() throws SQLException {
        cluster.cut(0, 2);
        try {
            assertThatThrownBy(() -> execute(cluster.jdbcUrl(0), "create table cut_sync (a int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("connection to the remote node 127.0.0.1:" + cluster.port(2) + " failed");
            for (int i = 0; i < 3; i++) {
                assertThat(tables(i, "cut_sync%")).isEmpty();
            }
        } finally {
            cluster.heal(0, 2);
        }
        execute(cluster.jdbcUrl(0), "create table cut_sync (a int)");
        assertThat(tables(2, "cut_sync%")).isEqualTo("cut_sync");
        execute(cluster.jdbcUrl(0), "drop table cut_sync");
    }

    @Test
    void aDisabledNodeCatchesUpWhenActivated() throws SQLException {
        String host = "'127.0.0.1', " + cluster.port(2);
        execute(cluster.jdbcUrl(0), "select citus_disable_node(" + host + ")");
        try {
            cluster.cut(0, 2);
            execute(cluster.jdbcUrl(0), "create table while_disabled (a int)");
            assertThat(tables(1, "while_disabled")).isEqualTo("while_disabled");
            assertThat(tables(2, "while_disabled")).isEmpty();
            cluster.heal(0, 2);
            assertThat(rows(cluster.jdbcUrl(0), "select citus_activate_node(" + host + ")")).containsExactly("3");
            assertThat(tables(2, "while_disabled")).isEqualTo("while_disabled");
            assertThat(rows(cluster.jdbcUrl(2), "select isactive from pg_dist_node where nodeid = 3")).containsExactly("t");
        } finally {
            cluster.heal(0, 2);
            execute(cluster.jdbcUrl(0), "select citus_activate_node(" + host + ")");
            execute(cluster.jdbcUrl(0), "drop table if exists while_disabled");
        }
    }

    @Test
    void ddlIssuedOnAWorkerLandsEverywhere() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(1)); Statement s = c.createStatement()) {
            s.execute("create schema from_worker");
            s.execute("set search_path = from_worker, public");
            s.execute("create table w (a int)");
            s.execute("insert into w values (1)");
            assertThat(s.executeUpdate("alter table w add column b int")).isZero();
        }
        for (int i = 0; i < 3; i++) {
            assertThat(rows(cluster.jdbcUrl(i), "select attname from pg_attribute a join pg_class c on c.oid = attrelid "
                    + "join pg_namespace n on n.oid = relnamespace where nspname = 'from_worker' and relname = 'w' "
                    + "and attnum > 0 order by attnum")).containsExactly("a", "b");
        }
        execute(cluster.jdbcUrl(2), "drop schema from_worker cascade");
        assertThat(rows(cluster.jdbcUrl(0), "select count(*) from pg_namespace where nspname = 'from_worker'"))
                .containsExactly("0");
    }

    @Test
    void ddlInATransactionBlockOnAWorkerIsRefused() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(1)); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> s.execute("create table in_block (a int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("0A000"))
                    .hasMessageContaining("cannot run DDL in a transaction block on a worker node");
            c.rollback();
        }
    }

    @Test
    void aRestartedWorkerPullsWhatItMissed() throws SQLException {
        cluster.stop(1);
        try {
            execute(cluster.jdbcUrl(0), "select citus_disable_node('127.0.0.1', " + cluster.port(1) + ", true)");
            execute(cluster.jdbcUrl(0), "create table missed (a int)");
        } finally {
            cluster.restart(1);
            execute(cluster.jdbcUrl(0), "select citus_activate_node('127.0.0.1', " + cluster.port(1) + ")");
        }
        assertThat(tables(1, "missed")).isEqualTo("missed");
        execute(cluster.jdbcUrl(0), "drop table missed");
    }

    @Test
    void aNewIndexOfADistributedTableIsBuiltOnTheWorkerHoldingTheRows() throws SQLException {
        execute(cluster.jdbcUrl(0), "create table ev (id int primary key, v text)");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('ev', 'id', shard_count => 4)");
        String shard = "ev_" + rows(cluster.jdbcUrl(1), "select min(shardid) from pg_dist_placement where groupid = 1").get(0);
        execute(cluster.jdbcUrl(1), "insert into " + shard + " values (1, 'a'), (2, 'b')");
        execute(cluster.jdbcUrl(0), "create index ev_v on ev (v)");
        assertThat(rows(cluster.jdbcUrl(1), "explain select id from " + shard + " where v = 'b'").toString())
                .contains("Index");
        assertThat(rows(cluster.jdbcUrl(1), "select id from " + shard + " where v = 'b'")).containsExactly("2");
        execute(cluster.jdbcUrl(0), "create table ev_local (id int)");
        assertThatThrownBy(() -> execute(cluster.jdbcUrl(2), "select create_distributed_table('ev_local', 'id')"))
                .hasMessageContaining("operation is not allowed on this node");
        assertThat(rows(cluster.jdbcUrl(0), "select count(*) from pg_dist_partition")).containsExactly("1");
        execute(cluster.jdbcUrl(0), "drop table ev, ev_local");
    }

    @Test
    void rowsOfShardsOnWorkersGetDefaultsAndAreValidated() throws SQLException {
        execute(cluster.jdbcUrl(0), "create table rows_t (id int primary key, v text)");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('rows_t', 'id', shard_count => 2)");
        String shard = "rows_t_" + rows(cluster.jdbcUrl(2), "select min(shardid) from pg_dist_placement p "
                + "join pg_dist_shard s using (shardid) where groupid = 2 and logicalrelid = 'rows_t'::regclass").get(0);
        execute(cluster.jdbcUrl(2), "insert into " + shard + " values (1, 'a'), (2, null)");
        execute(cluster.jdbcUrl(0), "alter table rows_t add column c int default 7");
        assertThat(rows(cluster.jdbcUrl(2), "select id, c from " + shard + " order by id")).containsExactly("1|7", "2|7");
        assertThatThrownBy(() -> execute(cluster.jdbcUrl(0), "alter table rows_t alter column v set not null"))
                .hasMessageContaining("column \"v\" of relation \"" + shard + "\" contains null values");
        assertThatThrownBy(() -> execute(cluster.jdbcUrl(0), "alter table rows_t add constraint small check (id < 2)"))
                .hasMessageContaining("is violated by some row");
        for (int i = 0; i < 3; i++) {
            assertThat(rows(cluster.jdbcUrl(i), "select attnotnull from pg_attribute where attrelid = 'rows_t'::regclass "
                    + "and attname = 'v'")).containsExactly("f");
        }
        execute(cluster.jdbcUrl(0), "drop table rows_t");
    }

    @Test
    void aNodeBehindCatchesUpWhenARequestCarriesANewerVersion() throws SQLException {
        String worker = "'127.0.0.1', " + cluster.port(2);
        execute(cluster.jdbcUrl(0), "select citus_disable_node(" + worker + ", true)");
        try {
            execute(cluster.jdbcUrl(0), "create table seen_later (a int)");
            assertThat(tables(2, "seen_later")).isEmpty();
            io.shale.cluster.rpc.NodeAddress target = new io.shale.cluster.rpc.NodeAddress("127.0.0.1", cluster.port(2));
            assertThatThrownBy(() -> cluster.node(0).clusterCalls().callAndWait(target,
                    io.shale.cluster.node.CatalogSync.FORWARD, new byte[0], java.time.Duration.ofSeconds(10)))
                    .hasMessageContaining("operation is not allowed on this node");
            assertThat(tables(2, "seen_later")).isEqualTo("seen_later");
        } finally {
            execute(cluster.jdbcUrl(0), "select citus_activate_node(" + worker + ")");
            execute(cluster.jdbcUrl(0), "drop table seen_later");
        }
    }
}
