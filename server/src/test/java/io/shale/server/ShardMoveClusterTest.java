package io.shale.server;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** citus_move_shard_placement and citus_schema_move on a coordinator and two workers, through pgjdbc. */
@Timeout(180)
class ShardMoveClusterTest extends ThreeNodeClusterTest {
    @Test
    void movesAHashShardGroupBackAndForth() throws SQLException {
        String url = cluster.jdbcUrl(0);
        execute(url, "create table items (id bigint primary key, v int)");
        execute(url, "create table notes (id bigint, n text, primary key (id))");
        execute(url, "create index items_v on items (v)");
        execute(url, "select create_distributed_table('items', 'id', shard_count => 4)");
        execute(url, "select create_distributed_table('notes', 'id', colocate_with => 'items')");
        execute(url, "insert into items select g, g % 10 from generate_series(1, 1000) g");
        execute(url, "insert into notes select g, 'n' || g from generate_series(1, 1000) g");
        String shard = rows(url, "select get_shard_id_for_distribution_column('items', 7)").getFirst();
        String source = rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                + "where shardid = " + shard).getFirst();
        String target = rows(url, "select nodeid from pg_dist_node where groupid > 0 and nodeid <> " + source)
                .getFirst();
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(1));
             PreparedStatement p = c.prepareStatement("select v from items where id = ?")) {
            p.setLong(1, 7);
            assertThat(single(p)).isEqualTo(7);
            String before = rows(url, "select count(*), sum(id), sum(v) from items").getFirst();
            for (String[] move : List.of(new String[] {source, target}, new String[] {target, source})) {
                execute(url, "select citus_move_shard_placement(" + shard + ", " + move[0] + ", " + move[1]
                        + ", 'block_writes')");
                for (int n = 0; n < 3; n++) {
                    String node = cluster.jdbcUrl(n);
                    assertThat(rows(node, "select count(*), sum(id), sum(v) from items")).containsExactly(before);
                    assertThat(rows(node, "select count(*) from notes")).containsExactly("1000");
                    assertThat(rows(node, "select v, n from items join notes using (id) where id = 7"))
                            .containsExactly("7|n7");
                    assertThat(rows(node, "select count(*) from items where v = 3")).containsExactly("100");
                    assertThat(rows(node, "select groupid from pg_dist_placement where shardid = " + shard))
                            .isEqualTo(rows(url, "select groupid from pg_dist_placement where shardid = " + shard));
                    assertThat(rows(node, "select * from citus_shards order by shardid"))
                            .isEqualTo(rows(url, "select * from citus_shards order by shardid"));
                }
                assertThat(rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                        + "where shardid = " + shard)).containsExactly(move[1]);
                assertThat(single(p)).isEqualTo(7);
                assertThat(rows(url, "select count(*) from pg_dist_cleanup where object_name like 'public.items%' "
                        + "or object_name like 'public.notes%'")).containsExactly("2");
                List<Long> old = oldStorage("public.items_" + shard);
                assertThat(ShardMoveKillClusterTest.storedOnSomeNode(cluster, old.getFirst())).isTrue();
                execute(url, "select citus_cleanup_orphaned_resources()");
                assertThat(rows(url, "select count(*) from pg_dist_cleanup")).containsExactly("0");
                for (long id : old) {
                    assertThat(ShardMoveKillClusterTest.storedOnSomeNode(cluster, id)).isFalse();
                }
                execute(url, "insert into items values (100000 + " + move[1] + ", 1)");
                execute(url, "delete from items where id = 100000 + " + move[1]);
            }
        }
        execute(url, "drop table notes, items");
    }

    @Test
    void refusesWithCitusMessages() throws SQLException {
        String url = cluster.jdbcUrl(0);
        execute(url, "create table nokey (id int, v int)");
        execute(url, "select create_distributed_table('nokey', 'id', shard_count => 2)");
        execute(url, "create table colours (id int primary key)");
        execute(url, "select create_reference_table('colours')");
        String shard = rows(url, "select min(shardid) from pg_dist_shard where logicalrelid = 'nokey'::regclass")
                .getFirst();
        String source = rows(url, "select nodename || '|' || nodeport || '|' || nodeid from pg_dist_placement "
                + "join pg_dist_node using (groupid) where shardid = " + shard).getFirst();
        String[] s = source.split("\\|");
        String other = rows(url, "select nodeid from pg_dist_node where groupid > 0 and nodeid <> " + s[2]).getFirst();
        assertThatThrownBy(() -> execute(url, "select citus_move_shard_placement(" + shard + ", " + s[2] + ", " + other
                + ")")).hasMessageContaining("cannot use logical replication to transfer shards of the relation nokey"
                + " since it doesn't have a REPLICA IDENTITY or PRIMARY KEY");
        assertThatThrownBy(() -> execute(url, "select citus_move_shard_placement(" + shard + ", " + s[2] + ", " + s[2]
                + ", 'block_writes')")).hasMessageContaining("cannot move shard to the same node");
        assertThatThrownBy(() -> execute(url, "select citus_move_shard_placement(" + shard + ", '" + s[0] + "', " + s[1]
                + ", 'nowhere', 1234)")).hasMessageContaining("Moving shards to a non-existing node is not supported");
        String reference = rows(url, "select shardid from pg_dist_shard where logicalrelid = 'colours'::regclass")
                .getFirst();
        assertThatThrownBy(() -> execute(url, "select citus_move_shard_placement(" + reference + ", " + s[2] + ", "
                + other + ")")).hasMessageContaining(
                "table public.colours is a reference table, moving shard of a reference table is not supported");
        execute(url, "alter table nokey replica identity full");
        execute(url, "select citus_move_shard_placement(shard_id => " + shard + ", source_node_id => " + s[2]
                + ", target_node_id => " + other + ")");
        assertThat(rows(url, "select count(*) from pg_dist_placement p join pg_dist_node n using (groupid) "
                + "where shardid = " + shard + " and nodeid = " + other)).containsExactly("1");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("select citus_move_shard_placement(" + shard + ", " + s[2] + ", " + other + ")");
            assertThat(st.getWarnings().getMessage()).isEqualTo("shard is already present on node "
                    + rows(url, "select nodename || ':' || nodeport from pg_dist_node where nodeid = " + other)
                    .getFirst());
        }
        String second = rows(url, "select max(shardid) from pg_dist_shard where logicalrelid = 'nokey'::regclass")
                .getFirst();
        String[] secondNodes = rows(url, "select p.nodeid || '|' || o.nodeid from pg_dist_placement join pg_dist_node p "
                + "using (groupid), pg_dist_node o where shardid = " + second + " and o.groupid > 0 and o.nodeid <> "
                + "p.nodeid").getFirst().split("\\|");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select citus_move_shard_placement(" + shard + ", " + other + ", " + s[2] + ", 'force_logical')");
            assertThatThrownBy(() -> st.execute("select citus_move_shard_placement(" + second + ", " + secondNodes[0]
                    + ", " + secondNodes[1] + ", 'force_logical')"))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("0A000");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("moving multiple shard placements "
                                + "via logical replication in the same transaction is currently not supported");
                        assertThat(e.getServerErrorMessage().getHint()).isEqualTo("If you wish to move multiple shard "
                                + "placements in a single transaction set the shard_transfer_mode to 'block_writes'.");
                    });
            c.rollback();
            c.setAutoCommit(true);
            assertThat(rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + shard)).containsExactly(other);
            st.execute("select citus_move_shard_placement(" + second + ", " + secondNodes[0] + ", " + secondNodes[1]
                    + ", 'force_logical')");
        }
        execute(url, "select citus_cleanup_orphaned_resources()");
        execute(url, "drop table nokey, colours");
    }

    @Test
    void movesATenantSchema() throws SQLException {
        String url = cluster.jdbcUrl(0);
        execute(url, "set citus.enable_schema_based_sharding to on; create schema tenant_m;"
                + " create table tenant_m.orders (id int primary key, total int);"
                + " create table tenant_m.lines (id int primary key, order_id int references tenant_m.orders (id))");
        execute(url, "insert into tenant_m.orders select g, g from generate_series(1, 200) g");
        execute(url, "insert into tenant_m.lines select g, g from generate_series(1, 200) g");
        assertThatThrownBy(() -> execute(url, "select citus_schema_move('public', 'localhost', 1)"))
                .hasMessageContaining("schema public is not a distributed schema");
        for (int i = 0; i < 2; i++) {
            String group = rows(url, "select distinct groupid from citus_shards s join pg_dist_placement using (shardid)"
                    + " where s.table_name::text like 'tenant_m.%'").getFirst();
            String target = rows(url, "select nodeid from pg_dist_node where groupid > 0 and groupid <> " + group)
                    .getFirst();
            execute(url, "select citus_schema_move('tenant_m', target_node_id => " + target + ")");
            for (int n = 0; n < 3; n++) {
                assertThat(rows(cluster.jdbcUrl(n), "select count(*), sum(total) from tenant_m.orders o "
                        + "join tenant_m.lines l on l.order_id = o.id")).containsExactly("200|20100");
            }
            assertThat(rows(url, "select distinct n.nodeid from citus_shards s join pg_dist_placement using (shardid) "
                    + "join pg_dist_node n using (groupid) where s.table_name::text like 'tenant_m.%'"))
                    .containsExactly(target);
            execute(url, "select citus_cleanup_orphaned_resources()");
        }
        execute(url, "drop schema tenant_m cascade");
    }

    @Test
    void writersThroughTheCoordinatorAndAWorkerLoseNothingDuringMoves() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ShardMoveClusterTest writers seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        String url = cluster.jdbcUrl(0);
        execute(url, "create table events (id bigint primary key, w int)");
        execute(url, "select create_distributed_table('events', 'id', shard_count => 4)");
        java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.Set<Long> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> writers = new java.util.ArrayList<>();
        for (int node : new int[] {0, 1}) {
            writers.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(node));
                     PreparedStatement p = c.prepareStatement("insert into events values (?, ?)")) {
                    while (!stop.get()) {
                        long id = counter.incrementAndGet();
                        p.setLong(1, id);
                        p.setInt(2, node);
                        p.executeUpdate();
                        acknowledged.add(id);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        List<String> shards = rows(url, "select shardid from pg_dist_shard where logicalrelid = 'events'::regclass "
                + "order by shardid");
        for (int i = 0; i < 4; i++) {
            String shard = shards.get(random.nextInt(shards.size()));
            String source = rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + shard).getFirst();
            String target = rows(url, "select nodeid from pg_dist_node where groupid > 0 and nodeid <> " + source)
                    .getFirst();
            execute(url, "select citus_move_shard_placement(" + shard + ", " + source + ", " + target
                    + ", 'block_writes')");
            if (random.nextBoolean()) {
                execute(url, "select citus_cleanup_orphaned_resources()");
            }
        }
        stop.set(true);
        for (Thread t : writers) {
            t.join(60_000);
        }
        assertThat(failures).isEmpty();
        assertThat(acknowledged).isNotEmpty();
        for (int n = 0; n < 3; n++) {
            List<String> ids = rows(cluster.jdbcUrl(n), "select id from events");
            assertThat(new java.util.HashSet<>(ids)).hasSize(ids.size());
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (String id : ids) {
                seen.add(Long.parseLong(id));
            }
            assertThat(seen).containsAll(acknowledged);
        }
        execute(url, "select citus_cleanup_orphaned_resources()");
        execute(url, "drop table events");
    }

    /** The storage ids a pg_dist_cleanup record keeps for a shard's old placement (from the coordinator's catalog). */
    private static List<Long> oldStorage(String shardName) {
        var catalog = cluster.node(0).engine().catalog();
        for (var d : catalog.databases()) {
            var objects = catalog.objects(d.oid());
            for (var r : objects == null ? List.<io.shale.catalog.distribution.CleanupRecord>of()
                    : objects.cleanupRecords()) {
                if (r.objectName().equals(shardName)) {
                    return r.storageIds();
                }
            }
        }
        throw new AssertionError("no cleanup record for " + shardName);
    }

    private static int single(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            assertThat(r.next()).isTrue();
            return r.getInt(1);
        }
    }
}
