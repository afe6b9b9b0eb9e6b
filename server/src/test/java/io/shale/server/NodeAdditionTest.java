package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * citus_add_node on a cluster that already has distributed tables moves no shard: the existing placements stay where
 * they are (rebalancing is a separate step), and tables distributed later place shards on the new node too.
 */
@Timeout(120)
class NodeAdditionTest {
    private static final String PLACEMENT_GROUPS = "select p.groupid, count(*) from pg_dist_placement p "
            + "join pg_dist_shard s using (shardid) where s.logicalrelid = '%s'::regclass group by 1 order by 1";

    @Test
    void anAddedNodeTakesNoExistingShardButShardsOfLaterTables() throws Exception {
        try (LocalCluster cluster = LocalCluster.builder().nodes(2).inMemory().setting("fsync", "off").start()) {
            String url = cluster.jdbcUrl(0);
            execute(url, "create table before_add (a int primary key, b int)");
            execute(url, "select create_distributed_table('before_add', 'a', shard_count := 4)");
            execute(url, "insert into before_add select g, g from generate_series(1, 100) g");
            assertThat(rows(url, PLACEMENT_GROUPS.formatted("before_add"))).containsExactly("1|4");

            int added = cluster.addNode();

            assertThat(rows(url, PLACEMENT_GROUPS.formatted("before_add"))).containsExactly("1|4");
            assertThat(rows(cluster.jdbcUrl(added), PLACEMENT_GROUPS.formatted("before_add"))).containsExactly("1|4");
            assertThat(rows(cluster.jdbcUrl(added), "select count(*), sum(b) from before_add")).containsExactly("100|5050");
            execute(url, "create table after_add (a int primary key, b int)");
            execute(url, "select create_distributed_table('after_add', 'a', shard_count := 4, colocate_with := 'none')");
            assertThat(rows(url, PLACEMENT_GROUPS.formatted("after_add"))).containsExactly("1|2", "2|2");
            execute(url, "insert into after_add select g, g from generate_series(1, 100) g");
            assertThat(rows(cluster.jdbcUrl(1), "select count(*), sum(b) from after_add")).containsExactly("100|5050");
        }
    }
}
