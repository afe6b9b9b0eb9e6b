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

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes of distributed tables whose rows live on other nodes: undistribute_table reading the workers' shards,
 * reference tables given to a node added later, CHECK constraints validated on the workers, citus.* settings.
 */
@Timeout(120)
class DistributionChangesClusterTest extends ThreeNodeClusterTest {
    @Test
    void undistributeBringsTheWorkersRowsBack() throws SQLException {
        String url = cluster.jdbcUrl(0);
        execute(url, "create table moved (id int primary key, v text)");
        execute(url, "select create_distributed_table('moved', 'id', shard_count => 4)");
        execute(url, "insert into moved select g, 'v' || g from generate_series(1, 20) g");
        assertThat(rows(url, "select count(*) from pg_dist_placement where groupid = 0 and shardid in"
                + " (select shardid from pg_dist_shard where logicalrelid = 'moved'::regclass)")).containsExactly("0");
        List<String> notices = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("select undistribute_table('moved')");
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                notices.add(w.getMessage());
            }
        }
        assertThat(notices).containsExactly("creating a new table for public.moved", "moving the data of public.moved",
                "dropping the old public.moved", "renaming the new table to public.moved");
        assertThat(rows(url, "select count(*), sum(id), min(v) from moved")).containsExactly("20|210|v1");
        assertThat(rows(url, "select count(*) from pg_dist_partition where logicalrelid = 'moved'::regclass"))
                .containsExactly("0");
        assertThat(rows(url, "select count(*) from pg_dist_shard where logicalrelid = 'moved'::regclass"))
                .containsExactly("0");
        execute(url, "insert into moved values (21, 'x')");
        assertThat(rows(url, "select v from moved where id = 21")).containsExactly("x");
    }

    @Test
    void checkViolatedOnAWorkerFailsTheAlter() throws SQLException {
        String url = cluster.jdbcUrl(0);
        execute(url, "create table checked (id int primary key, amount int)");
        execute(url, "select create_distributed_table('checked', 'id', shard_count => 4)");
        execute(url, "insert into checked select g, g from generate_series(1, 10) g");
        execute(url, "insert into checked values (11, -5)");
        assertThatThrownBy(() -> execute(url, "alter table checked add constraint positive check (amount > 0)"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("check constraint \"positive")
                .hasMessageContaining("is violated by some row")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23514");
        for (int node = 0; node < 3; node++) {
            assertThat(rows(cluster.jdbcUrl(node), "select count(*) from pg_constraint where conname like 'positive%'"))
                    .containsExactly("0");
        }
        execute(url, "insert into checked values (12, -6)");
        assertThat(rows(url, "select count(*) from checked where amount < 0")).containsExactly("2");
        execute(url, "delete from checked where amount < 0");
        execute(url, "alter table checked add constraint positive check (amount > 0)");
        assertThatThrownBy(() -> execute(url, "insert into checked values (13, -1)"))
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23514");
    }

    @Test
    void checkViolatedInAReferenceTableFailsTheAlter() throws SQLException {
        String url = cluster.jdbcUrl(0);
        execute(url, "create table rates (code text primary key, rate numeric)");
        execute(url, "select create_reference_table('rates')");
        execute(url, "insert into rates values ('a', 1.5), ('b', -2)");
        assertThatThrownBy(() -> execute(url, "alter table rates add constraint positive_rate check (rate > 0)"))
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23514");
        assertThat(rows(url, "select count(*) from pg_constraint where conname like 'positive_rate%'"))
                .containsExactly("0");
        execute(url, "alter table rates add constraint below_ten check (rate < 10)");
        assertThat(rows(url, "select count(*) from pg_constraint where conname = 'below_ten'")).containsExactly("1");
    }

    @Test
    void notNullViolatedOnAWorkerFailsTheAlter() throws SQLException {
        String url = cluster.jdbcUrl(0);
        execute(url, "create table nullable (id int primary key, note text)");
        execute(url, "select create_distributed_table('nullable', 'id', shard_count => 4)");
        execute(url, "insert into nullable values (1, 'a'), (2, null), (3, 'c')");
        assertThatThrownBy(() -> execute(url, "alter table nullable alter column note set not null"))
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23502");
        assertThat(rows(url, "select attnotnull from pg_attribute where attrelid = 'nullable'::regclass"
                + " and attname = 'note'")).containsExactly("f");
    }

    @Test
    void citusSettingsAnswerShowAndSet() throws SQLException {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            assertThat(single(s, "show citus.shard_count")).isEqualTo("32");
            s.execute("set citus.shard_count = 6");
            assertThat(single(s, "show citus.shard_count")).isEqualTo("6");
            assertThat(single(s, "select current_setting('citus.shard_count')")).isEqualTo("6");
            s.execute("create table counted (id int)");
            s.execute("select create_distributed_table('counted', 'id')");
            assertThat(single(s, "select count(*) from pg_dist_shard where logicalrelid = 'counted'::regclass"))
                    .isEqualTo("6");
            s.execute("reset citus.shard_count");
            assertThat(single(s, "show citus.shard_count")).isEqualTo("32");
            assertThat(single(s, "show citus.recover_2pc_interval")).isEqualTo("1min");
            assertThat(single(s, "show citus.distributed_deadlock_detection_factor")).isEqualTo("2");
            assertThat(single(s, "select count(*) from pg_settings where name like 'citus.%'")).isEqualTo("0");
        }
    }

    @Test
    void aNodeAddedLaterGetsTheReferenceTables() throws SQLException {
        String url = cluster.jdbcUrl(0);
        execute(url, "create table countries (code text primary key, name text)");
        execute(url, "insert into countries values ('fr', 'France'), ('de', 'Germany'), ('it', 'Italy')");
        execute(url, "select create_reference_table('countries')");
        int added = cluster.addNode();
        String shard = rows(url, "select shardid from pg_dist_shard where logicalrelid = 'countries'::regclass")
                .getFirst();
        String group = rows(url, "select groupid from pg_dist_node where nodeport = " + cluster.port(added))
                .getFirst();
        String onTheNewNode = "select count(*) from pg_dist_placement where shardid = " + shard + " and groupid = " + group;
        // lazily, as in Citus: adding the node copies nothing, replicate_reference_tables() does
        assertThat(rows(url, onTheNewNode)).containsExactly("0");
        execute(url, "select replicate_reference_tables()");
        assertThat(rows(url, onTheNewNode)).containsExactly("1");
        assertThat(rows(url, "select count(*) from citus_shards where shardid = " + shard + " and nodeport = "
                + cluster.port(added))).containsExactly("1");
        assertThat(rows(cluster.jdbcUrl(added), "select count(*) from countries_" + shard)).containsExactly("3");
        assertThat(rows(cluster.jdbcUrl(added), "select name from countries order by code"))
                .containsExactly("Germany", "France", "Italy");
        execute(url, "select replicate_reference_tables()");
        assertThat(rows(url, "select count(*) from pg_dist_placement where shardid = " + shard))
                .containsExactly(Integer.toString(cluster.size()));
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (var r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
