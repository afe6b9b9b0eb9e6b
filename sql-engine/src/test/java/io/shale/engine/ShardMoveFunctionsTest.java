package io.shale.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** citus_move_shard_placement, citus_schema_move and pg_dist_cleanup on one node: argument checks and messages. */
class ShardMoveFunctionsTest extends DistributionTestBase {
    @Test
    void schemaMoveRefusesSchemasThatAreNotTenantsOrAreEmpty() {
        assertThat(sql.error("SELECT citus_schema_move('public', 'localhost', 5432)"))
                .isEqualTo("22023: schema public is not a distributed schema");
        sql.execute("SET citus.enable_schema_based_sharding TO on");
        sql.execute("CREATE SCHEMA tenant_e");
        assertThat(sql.error("SELECT citus_schema_move('tenant_e', target_node_id => 2)"))
                .isEqualTo("22023: cannot move distributed schema tenant_e because it is empty");
        assertThat(sql.error("SELECT citus_schema_move(schema_id => 'tenant_e', target_node_name => 'localhost', "
                + "target_node_port => 5432, shard_transfer_mode => 'block_writes')"))
                .isEqualTo("22023: cannot move distributed schema tenant_e because it is empty");
    }

    @Test
    void moveChecksItsNodesAndShard() {
        assertThat(sql.error("SELECT citus_move_shard_placement(102008, 7, 8)"))
                .isEqualTo("XX000: node with node id 7 could not be found");
        assertThat(sql.error("SELECT citus_move_shard_placement(shard_id => 102008, source_node_name => 'nowhere', "
                + "source_node_port => 1, target_node_name => 'x', target_node_port => 2)"))
                .isEqualTo("22023: node at \"nowhere:1\" does not exist");
        assertThat(sql.error("SELECT citus_move_shard_placement(shard_id => 102008, source_node_id => 7, "
                + "target_node_id => 8, transfer_mode => 'block_writes')"))
                .isEqualTo("XX000: node with node id 7 could not be found");
        assertThat(sql.error("SELECT citus_move_shard_placement(shard_id => 102008, source_node_id => 7, "
                + "target_node_port => 8)")).startsWith("42883: function citus_move_shard_placement with the given");
    }

    @Test
    void cleanupTableAndReplicaIdentity() {
        assertThat(sql.query("SELECT * FROM pg_dist_cleanup")).isEmpty();
        sql.execute("SELECT citus_cleanup_orphaned_resources()");
        sql.execute("CREATE TABLE r (a int PRIMARY KEY, b int NOT NULL)");
        sql.execute("CREATE UNIQUE INDEX r_b ON r (b)");
        for (String[] c : new String[][] {{"FULL", "f"}, {"NOTHING", "n"}, {"USING INDEX r_b", "i"}, {"DEFAULT", "d"}}) {
            sql.execute("ALTER TABLE r REPLICA IDENTITY " + c[0]);
            assertThat(sql.query("SELECT relreplident FROM pg_class WHERE relname = 'r'"))
                    .containsExactly(List.of(c[1]));
        }
    }
}
