package io.shale.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** create_reference_table: one shard without bounds, a placement on every node, the shared reference group. */
class ReferenceTableTest extends DistributionTestBase {
    @Test
    void referenceTablesShareOneGroup() {
        sql.execute("CREATE TABLE countries (code text PRIMARY KEY, name text)");
        sql.execute("INSERT INTO countries VALUES ('fr', 'France'), ('de', 'Germany')");
        sql.execute("CREATE TABLE currencies (code text PRIMARY KEY)");
        sql.execute("SELECT create_reference_table('countries')");
        sql.execute("SELECT create_reference_table('currencies')");
        assertThat(sql.query("SELECT logicalrelid, partmethod, partkey, colocationid, repmodel FROM pg_dist_partition"
                + " ORDER BY logicalrelid::text")).containsExactly(List.of("countries", "n", "null", "1", "t"),
                List.of("currencies", "n", "null", "1", "t"));
        assertThat(sql.query("SELECT * FROM pg_dist_shard ORDER BY shardid")).containsExactly(
                List.of("countries", "102008", "t", "null", "null"), List.of("currencies", "102009", "t", "null", "null"));
        assertThat(sql.query("SELECT shardid, groupid FROM pg_dist_placement ORDER BY shardid")).containsExactly(
                List.of("102008", "0"), List.of("102009", "0"));
        assertThat(sql.query("SELECT * FROM pg_dist_colocation")).containsExactly(List.of("1", "1", "-1", "0", "0"));
        assertThat(sql.query("SELECT table_name, citus_table_type, distribution_column, shard_count FROM citus_tables"))
                .containsExactly(List.of("countries", "reference", "<none>", "1"),
                        List.of("currencies", "reference", "<none>", "1"));
        assertThat(sql.query("SELECT * FROM countries_102008 ORDER BY code")).containsExactly(
                List.of("de", "Germany"), List.of("fr", "France"));
        assertThat(sql.query("SELECT relname FROM pg_class WHERE relname LIKE 'countries%' ORDER BY 1"))
                .containsExactly(List.of("countries"), List.of("countries_pkey"));
    }

    @Test
    void aHashTableWithoutKeyIsASingleShardTable() {
        sql.execute("CREATE TABLE s (id int)");
        sql.execute("SELECT create_distributed_table('s', NULL)");
        assertThat(sql.query("SELECT partmethod, partkey, repmodel FROM pg_dist_partition"))
                .containsExactly(List.of("n", "null", "s"));
        assertThat(sql.query("SELECT * FROM pg_dist_colocation")).containsExactly(List.of("1", "1", "1", "0", "0"));
        assertThat(sql.query("SELECT citus_table_type FROM citus_tables")).containsExactly(List.of("distributed"));
    }
}
