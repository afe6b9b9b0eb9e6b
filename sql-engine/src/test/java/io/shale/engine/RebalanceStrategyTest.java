package io.shale.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RebalanceStrategyTest extends DistributionTestBase {
    @Test
    void builtInStrategiesAndTheirFunctions() {
        assertThat(sql.query("SELECT * FROM pg_dist_rebalance_strategy ORDER BY name")).containsExactly(
                List.of("by_disk_size", "t", "citus_shard_cost_by_disk_size", "citus_node_capacity_1",
                        "citus_shard_allowed_on_node_true", "0.1", "0.01", "0.5"),
                List.of("by_shard_count", "f", "citus_shard_cost_1", "citus_node_capacity_1",
                        "citus_shard_allowed_on_node_true", "0", "0", "0"));
        assertThat(sql.query("SELECT citus_shard_cost_1(5), citus_node_capacity_1(3), "
                + "citus_shard_allowed_on_node_true(5, 3)")).containsExactly(List.of("1", "1", "t"));
        assertThat(sql.value("SHOW citus.rebalancer_by_disk_size_base_cost")).isEqualTo("0");
        assertThat(sql.value("SHOW citus.max_rebalancer_logged_ignored_moves")).isEqualTo("5");
    }

    @Test
    void addAndSetDefaultStrategies() {
        sql.execute("SELECT citus_add_rebalance_strategy('custom', 'citus_shard_cost_1', 'citus_node_capacity_1', "
                + "'citus_shard_allowed_on_node_true', 0.2, improvement_threshold => 0.3)");
        assertThat(sql.query("SELECT name, default_strategy, default_threshold, minimum_threshold, "
                + "improvement_threshold FROM pg_dist_rebalance_strategy WHERE name = 'custom'"))
                .containsExactly(List.of("custom", "f", "0.2", "0", "0.3"));
        assertThat(sql.error("SELECT citus_add_rebalance_strategy('custom', 'citus_shard_cost_1', "
                + "'citus_node_capacity_1', 'citus_shard_allowed_on_node_true', 0.2)"))
                .isEqualTo("23505: duplicate key value violates unique constraint \"pg_dist_rebalance_strategy_name_key\"");
        assertThat(sql.error("SELECT citus_add_rebalance_strategy('other', 'citus_node_capacity_1', "
                + "'citus_node_capacity_1', 'citus_shard_allowed_on_node_true', 0.2)")).startsWith("0A000: ");
        sql.execute("SELECT citus_set_default_rebalance_strategy('custom')");
        assertThat(sql.query("SELECT name FROM pg_dist_rebalance_strategy WHERE default_strategy"))
                .containsExactly(List.of("custom"));
        assertThat(sql.error("SELECT citus_set_default_rebalance_strategy('nope')"))
                .isEqualTo("XX000: strategy with specified name does not exist");
        assertThat(sql.query("SELECT * FROM get_rebalance_table_shards_plan()")).isEmpty();
        assertThat(sql.error("SELECT * FROM get_rebalance_table_shards_plan(rebalance_strategy => 'nope')"))
                .isEqualTo("XX000: could not find rebalance strategy with name nope");
    }

    @Test
    void diskSizeCostOfAShard() {
        sql.execute("CREATE TABLE t (a int)");
        sql.execute("SELECT create_distributed_table('t', 'a', shard_count => 2)");
        sql.execute("INSERT INTO t SELECT generate_series(1, 1000)");
        assertThat(Float.parseFloat(sql.value("SELECT citus_shard_cost_by_disk_size(102008)"))).isGreaterThan(1f);
        sql.execute("SET citus.rebalancer_by_disk_size_base_cost TO '100MB'");
        assertThat(Float.parseFloat(sql.value("SELECT citus_shard_cost_by_disk_size(102008)")))
                .isGreaterThan(100 * 1024 * 1024f);
    }
}
