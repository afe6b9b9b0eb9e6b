package io.shale.engine;

import io.shale.engine.session.Notice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * create_distributed_table on one node whose coordinator (group 0) holds every placement: the
 * pg_dist_* rows Citus writes, colocation choices, Citus's errors and the copy of existing rows.
 */
class CreateDistributedTableTest extends DistributionTestBase {
    @Test
    void aThirtyTwoShardTableHasCitusRanges() {
        sql.execute("CREATE TABLE github_events (event_id bigint, repo_id bigint, payload jsonb)");
        sql.execute("SELECT create_distributed_table('github_events', 'repo_id')");
        assertThat(sql.query("SELECT logicalrelid, partmethod, partkey, colocationid, repmodel, autoconverted"
                + " FROM pg_dist_partition")).containsExactly(List.of("github_events", "h",
                "{VAR :varno 1 :varattno 2 :vartype 20 :vartypmod -1 :varcollid 0 :varlevelsup 0 :varnosyn 1"
                        + " :varattnosyn 2 :location -1}", "1", "s", "f"));
        List<List<String>> shards = sql.query("SELECT * FROM pg_dist_shard ORDER BY shardid");
        assertThat(shards).hasSize(32);
        assertThat(shards.getFirst()).containsExactly("github_events", "102008", "t", "-2147483648", "-2013265921");
        assertThat(shards.get(18)).containsExactly("github_events", "102026", "t", "268435456", "402653183");
        assertThat(shards.get(19)).containsExactly("github_events", "102027", "t", "402653184", "536870911");
        assertThat(shards.getLast()).containsExactly("github_events", "102039", "t", "2013265920", "2147483647");
        assertThat(sql.query("SELECT count(*), min(placementid), max(placementid), min(groupid), max(groupid),"
                + " min(shardstate), max(shardlength) FROM pg_dist_placement"))
                .containsExactly(List.of("32", "1", "32", "0", "0", "1", "0"));
        assertThat(sql.query("SELECT * FROM pg_dist_colocation")).containsExactly(List.of("1", "32", "1", "20", "0"));
        assertThat(sql.query("SELECT table_name, citus_table_type, distribution_column, colocation_id, shard_count,"
                + " table_owner, access_method FROM citus_tables")).containsExactly(
                List.of("github_events", "distributed", "repo_id", "1", "32", "postgres", "heap"));
        assertThat(sql.query("SELECT shard_name, nodename, nodeport FROM citus_shards WHERE shardid = 102027"))
                .containsExactly(List.of("github_events_102027", "localhost", "5432"));
    }

    @Test
    void colocationDefaultNoneAndTable() {
        sql.execute("CREATE TABLE a (id int, v text)");
        sql.execute("CREATE TABLE b (id int, v text)");
        sql.execute("CREATE TABLE c (id int, v text)");
        sql.execute("CREATE TABLE d (id int, v text)");
        sql.execute("CREATE TABLE e (id text)");
        sql.execute("SELECT create_distributed_table('a', 'id')");
        sql.execute("SELECT create_distributed_table('b', 'id')");
        sql.execute("SELECT create_distributed_table('c', 'id', colocate_with => 'none')");
        sql.execute("SELECT create_distributed_table('d', 'id', 'hash', 'c')");
        sql.execute("SELECT create_distributed_table('e', 'id', shard_count => 4)");
        assertThat(sql.query("SELECT logicalrelid, colocationid FROM pg_dist_partition ORDER BY logicalrelid::text"))
                .containsExactly(List.of("a", "1"), List.of("b", "1"), List.of("c", "2"), List.of("d", "2"),
                        List.of("e", "3"));
        assertThat(sql.query("SELECT * FROM pg_dist_colocation ORDER BY colocationid")).containsExactly(
                List.of("1", "32", "1", "23", "0"), List.of("2", "32", "1", "23", "0"), List.of("3", "4", "1", "25", "100"));
        assertThat(sql.value("SELECT min(shardid) FROM pg_dist_shard WHERE logicalrelid = 'e'::regclass"))
                .isEqualTo("102136");
        assertThat(sql.query("SELECT shardminvalue, shardmaxvalue FROM pg_dist_shard WHERE logicalrelid = 'e'::regclass"
                + " ORDER BY shardid")).containsExactly(List.of("-2147483648", "-1073741825"),
                List.of("-1073741824", "-1"), List.of("0", "1073741823"), List.of("1073741824", "2147483647"));
    }

    @Test
    void theShardCountSettingIsTheDefault() {
        sql.execute("SET citus.shard_count = 6");
        sql.execute("CREATE TABLE t (id int)");
        sql.execute("SELECT create_distributed_table('t', 'id')");
        assertThat(sql.query("SELECT shardminvalue, shardmaxvalue FROM pg_dist_shard ORDER BY shardid")).containsExactly(
                List.of("-2147483648", "-1431655767"), List.of("-1431655766", "-715827885"), List.of("-715827884", "-3"),
                List.of("-2", "715827879"), List.of("715827880", "1431655761"), List.of("1431655762", "2147483647"));
        assertThat(sql.value("SELECT shardcount FROM pg_dist_colocation")).isEqualTo("6");
    }

    @Test
    void citusErrors() {
        sql.execute("CREATE TABLE t (id int, doc json)");
        assertThat(sql.error("SELECT create_distributed_table('t', 'nope')"))
                .isEqualTo("42703: column \"nope\" of relation \"t\" does not exist");
        assertThat(sql.error("SELECT create_distributed_table('t', 'doc')"))
                .isEqualTo("42883: could not identify a hash function for type json");
        assertThat(sql.error("SELECT create_distributed_table('t', 'id', shard_count => 0)"))
                .isEqualTo("22023: 0 is outside the valid range for parameter \"shard_count\" (1 .. 64000)");
        assertThat(sql.error("SELECT create_distributed_table('t', NULL, shard_count => 4)")).isEqualTo("22023: "
                + "shard_count can't be specified when the distribution column is null because in that case it's"
                + " automatically set to 1");
        sql.execute("CREATE TABLE u (id int)");
        sql.execute("SELECT create_distributed_table('u', 'id')");
        assertThat(sql.error("SELECT create_distributed_table('t', 'id', colocate_with => 'u', shard_count => 4)"))
                .isEqualTo("22023: Cannot use colocate_with with a table and shard_count at the same time");
        assertThat(sql.error("SELECT create_distributed_table('u', 'id')"))
                .isEqualTo("42P16: table \"u\" is already distributed");
        sql.execute("CREATE TABLE w (id bigint)");
        assertThat(sql.error("SELECT create_distributed_table('w', 'id', colocate_with => 'u')"))
                .isEqualTo("22023: cannot colocate tables u and w");
        sql.execute("CREATE TABLE p (id int, k int PRIMARY KEY)");
        assertThat(sql.error("SELECT create_distributed_table('p', 'id')"))
                .isEqualTo("0A000: cannot create constraint on \"p\"");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_partition")).isEqualTo("1");
    }

    @Test
    void existingRowsAreCopiedIntoTheShards() {
        sql.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
        sql.execute("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g");
        sql.notices.clear();
        sql.execute("SELECT create_distributed_table('t', 'id', shard_count => 4)");
        assertThat(sql.notices).extracting(Notice::message).containsExactly("Copying data from local table...",
                "copying the data has completed");
        assertThat(sql.notices.getLast().hint())
                .isEqualTo("To remove the local data, run: SELECT truncate_local_data_after_distributing_table($$public.t$$)");
        long total = 0;
        for (long shard = 102008; shard < 102012; shard++) {
            total += Long.parseLong(sql.value("SELECT count(*) FROM t_" + shard));
        }
        assertThat(total).isEqualTo(100);
        assertThat(sql.value("SELECT id FROM t_" + sql.value("SELECT get_shard_id_for_distribution_column('t', 1)")
                + " WHERE id = 1")).isEqualTo("1");
        assertThat(sql.value("SELECT count(*) FROM t_102009 WHERE worker_hash(id) BETWEEN -1073741824 AND -1"))
                .isEqualTo(sql.value("SELECT count(*) FROM t_102009"));
        sql.execute("SELECT truncate_local_data_after_distributing_table('t')");
        assertThat(sql.error("SELECT truncate_local_data_after_distributing_table('t_102008')"))
                .isEqualTo("22023: supplied parameter is not a distributed relation");
    }

    @Test
    void undistributeBringsTheRowsBack() {
        sql.execute("CREATE TABLE t (id int PRIMARY KEY, v text)");
        sql.execute("SELECT create_distributed_table('t', 'id', shard_count => 4)");
        sql.execute("INSERT INTO t_102008 VALUES (-1, 'x')");
        sql.notices.clear();
        sql.execute("SELECT undistribute_table('t')");
        assertThat(sql.notices).extracting(Notice::message).containsExactly("creating a new table for public.t",
                "moving the data of public.t", "dropping the old public.t", "renaming the new table to public.t");
        assertThat(sql.query("SELECT * FROM t")).containsExactly(List.of("-1", "x"));
        assertThat(sql.value("SELECT count(*) FROM pg_dist_shard")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_dist_colocation")).isEqualTo("0");
        assertThat(sql.value("SELECT count(*) FROM pg_class WHERE relname LIKE 't_1%'")).isEqualTo("0");
    }
}
