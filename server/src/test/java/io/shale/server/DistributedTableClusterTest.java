package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;
import java.util.List;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * create_distributed_table and create_reference_table on a coordinator with two workers: placements over the
 * workers by (name, port), the same pg_dist_* rows on every node, shard relations only where they are placed.
 */
@Timeout(120)
class DistributedTableClusterTest extends ThreeNodeClusterTest {
    @Test
    void shardsArePlacedRoundRobinOverTheWorkers() throws SQLException {
        execute(cluster.jdbcUrl(0), "create table events (id bigint primary key, v text)");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('events', 'id', shard_count => 4)");
        List<String> groups = rows(cluster.jdbcUrl(0), "select groupid from pg_dist_placement p join pg_dist_shard s"
                + " using (shardid) where logicalrelid = 'events'::regclass order by shardid");
        List<String> workers = rows(cluster.jdbcUrl(0), "select groupid from pg_dist_node where shouldhaveshards"
                + " order by nodename, nodeport");
        assertThat(workers).hasSize(2);
        assertThat(groups).containsExactly(workers.get(0), workers.get(1), workers.get(0), workers.get(1));
        String shards = "select shardid || ':' || coalesce(shardminvalue, '') from pg_dist_shard"
                + " where logicalrelid = 'events'::regclass order by shardid";
        for (int node = 1; node < 3; node++) {
            assertThat(rows(cluster.jdbcUrl(node), shards)).isEqualTo(rows(cluster.jdbcUrl(0), shards));
        }
        String firstShard = rows(cluster.jdbcUrl(0), "select min(shardid) from pg_dist_shard"
                + " where logicalrelid = 'events'::regclass").getFirst();
        String name = "events_" + firstShard;
        int holder = Integer.parseInt(workers.get(0));
        int other = 3 - holder;
        assertThat(rows(cluster.jdbcUrl(holder), "select count(*) from " + name)).containsExactly("0");
        for (int node : new int[] {0, other}) {
            assertThatThrownBy(() -> rows(cluster.jdbcUrl(node), "select count(*) from " + name))
                    .hasMessageContaining("relation \"" + name + "\" does not exist");
        }
        assertThat(rows(cluster.jdbcUrl(0), "select nodeport from citus_shards where shardid = " + firstShard))
                .containsExactly(Integer.toString(cluster.port(holder)));
        execute(cluster.jdbcUrl(0), "insert into events select g, repeat('x', 100) from generate_series(1, 200) g");
        List<String> sizes = rows(cluster.jdbcUrl(0), "select shard_size from citus_shards"
                + " where table_name = 'events'::regclass order by shardid");
        assertThat(sizes).hasSize(4).allSatisfy(size -> assertThat(Long.parseLong(size)).isPositive());
        long total = 0;
        for (String size : sizes) {
            total += Long.parseLong(size);
        }
        assertThat(rows(cluster.jdbcUrl(0), "select citus_total_relation_size('events')"))
                .containsExactly(Long.toString(total));
        assertThat(rows(cluster.jdbcUrl(2), "select citus_total_relation_size('events')"))
                .containsExactly(Long.toString(total));
        execute(cluster.jdbcUrl(0), "drop table events");
        assertThat(rows(cluster.jdbcUrl(1), "select count(*) from pg_dist_shard where shardid = " + firstShard))
                .containsExactly("0");
    }

    @Test
    void ddlReachesTheShardsOnTheWorkers() throws SQLException {
        execute(cluster.jdbcUrl(0), "create table items (id int, v text)");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('items', 'id', shard_count => 2)");
        execute(cluster.jdbcUrl(0), "insert into items select g, 'v' || g from generate_series(1, 50) g");
        execute(cluster.jdbcUrl(1), "alter table items add column n int default 3");
        execute(cluster.jdbcUrl(0), "create index items_v on items (v)");
        List<String> shards = rows(cluster.jdbcUrl(0), "select p.shardid || ':' || p.groupid from pg_dist_placement p"
                + " join pg_dist_shard s using (shardid) where logicalrelid = 'items'::regclass order by shardid");
        long total = 0;
        for (String shard : shards) {
            String[] f = shard.split(":");
            String url = cluster.jdbcUrl(Integer.parseInt(f[1]));
            total += Long.parseLong(rows(url, "select count(*) from items_" + f[0] + " where n is null or n = 3").getFirst());
            assertThat(rows(url, "select count(*) from items_" + f[0] + " where v = 'v1' or v = 'v2'").getFirst())
                    .isIn("0", "1", "2");
        }
        assertThat(total).isEqualTo(50);
        assertThat(rows(cluster.jdbcUrl(2), "select count(*) from items where v = 'v7'")).containsExactly("1");
        execute(cluster.jdbcUrl(0), "truncate items");
        assertThat(rows(cluster.jdbcUrl(1), "select count(*) from items")).containsExactly("0");
        execute(cluster.jdbcUrl(0), "drop table items");
    }

    @Test
    void aReferenceTableHasAPlacementOnEveryNode() throws SQLException {
        execute(cluster.jdbcUrl(0), "create table countries (code text primary key)");
        execute(cluster.jdbcUrl(0), "select create_reference_table('countries')");
        assertThat(rows(cluster.jdbcUrl(2), "select count(*) from pg_dist_placement p join pg_dist_shard s"
                + " using (shardid) where logicalrelid = 'countries'::regclass")).containsExactly("3");
        String shard = rows(cluster.jdbcUrl(0), "select shardid from pg_dist_shard"
                + " where logicalrelid = 'countries'::regclass").getFirst();
        for (int node = 0; node < 3; node++) {
            assertThat(rows(cluster.jdbcUrl(node), "select count(*) from countries_" + shard)).containsExactly("0");
        }
        execute(cluster.jdbcUrl(0), "drop table countries");
    }

    @Test
    void foreignKeysAddedAfterDistributingAreCheckedOnTheWorkers() throws SQLException {
        execute(cluster.jdbcUrl(0), "create table fk_users (id bigint primary key, name text)");
        execute(cluster.jdbcUrl(0), "create table fk_orders (user_id bigint, id bigint, primary key (user_id, id))");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('fk_users', 'id', shard_count => 4)");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('fk_orders', 'user_id', colocate_with => 'fk_users')");
        execute(cluster.jdbcUrl(0), "insert into fk_users select g, 'u' || g from generate_series(1, 20) g");
        execute(cluster.jdbcUrl(0), "insert into fk_orders select g % 20 + 1, g from generate_series(1, 100) g");
        execute(cluster.jdbcUrl(0), "insert into fk_orders values (77, 1)");
        assertThatThrownBy(() -> execute(cluster.jdbcUrl(0), "alter table fk_orders add constraint fk_orders_user"
                + " foreign key (user_id) references fk_users (id)"))
                .hasMessageContaining("violates foreign key constraint \"fk_orders_user_");
        assertThat(rows(cluster.jdbcUrl(1), "select count(*) from pg_constraint where conname like 'fk_orders_user%'"))
                .containsExactly("0");
        execute(cluster.jdbcUrl(0), "delete from fk_orders where user_id = 77");
        execute(cluster.jdbcUrl(0), "alter table fk_orders add constraint fk_orders_user"
                + " foreign key (user_id) references fk_users (id)");
        assertThatThrownBy(() -> execute(cluster.jdbcUrl(2), "insert into fk_orders values (99, 1)"))
                .hasMessageContaining("violates foreign key constraint");
        assertThatThrownBy(() -> execute(cluster.jdbcUrl(0), "delete from fk_users where id = 3"))
                .hasMessageContaining("is still referenced");
        execute(cluster.jdbcUrl(0), "drop table fk_orders");
        execute(cluster.jdbcUrl(0), "drop table fk_users");
    }
}
