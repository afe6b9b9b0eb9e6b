package io.shale.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** worker_hash and get_shard_id_for_distribution_column give Citus's values bit for bit. */
class WorkerHashTest extends DistributionTestBase {
    @Test
    void hashesOfEachType() {
        assertThat(sql.value("SELECT worker_hash(123)")).isEqualTo("-205084363");
        assertThat(sql.value("SELECT worker_hash(1)")).isEqualTo("-1905060026");
        assertThat(sql.value("SELECT worker_hash(100::bigint)")).isEqualTo("108199381");
        assertThat(sql.value("SELECT worker_hash('tenant_1'::text)")).isEqualTo("1054520420");
        assertThat(sql.value("SELECT worker_hash('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid)")).isEqualTo("1154666245");
        assertThat(sql.error("SELECT worker_hash('{}'::json)"))
                .isEqualTo("42883: could not identify a hash function for type json");
    }

    @Test
    void shardIdForAValue() {
        sql.execute("CREATE TABLE t (id int, tenant text)");
        sql.execute("SELECT create_distributed_table('t', 'id')");
        assertThat(sql.value("SELECT get_shard_id_for_distribution_column('t', 123)")).isEqualTo("102022");
        assertThat(sql.value("SELECT get_shard_id_for_distribution_column('t', '1')")).isEqualTo("102009");
        assertThat(sql.value("SELECT shard_name('t', 102022)")).isEqualTo("t_102022");
        assertThat(sql.error("SELECT get_shard_id_for_distribution_column('t', NULL)")).isEqualTo(
                "22023: distribution value cannot be NULL for tables other than reference tables.");
        sql.execute("CREATE TABLE r (id int)");
        sql.execute("SELECT create_reference_table('r')");
        assertThat(sql.value("SELECT get_shard_id_for_distribution_column('r')")).isEqualTo("102040");
    }
}
