package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shard and schema moves back and forth (mostly 'auto', one 'force_logical', two 'block_writes') while clients insert
 * and update (single keys, and pairs of keys that may span two shards and commit in two phases) through the coordinator
 * and the workers, with prepared statements, in a hash-distributed table and a
 * distributed schema: nothing lost or duplicated (counts and sums against the acknowledged writes), no client error,
 * no statement held for 2 s.
 */
@Timeout(300)
class ShardMoveOnlineClusterTest extends ThreeNodeClusterTest {
    private static final long MAX_STATEMENT_NANOS = 2_000_000_000L;

    /** One client: inserts new keys and updates its own acknowledged ones, logging what the server acknowledged. */
    private record Writer(int node, String table, Map<Long, Long> acknowledged, AtomicLong slowest) {
    }

    @Test
    void writersLoseNothingWhileShardsAndASchemaMoveBackAndForth() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ShardMoveOnlineClusterTest seed " + seed);
        Random random = new Random(seed);
        String url = cluster.jdbcUrl(0);
        execute(url, "create table accounts (id bigint primary key, v bigint)");
        execute(url, "select create_distributed_table('accounts', 'id', shard_count => 4)");
        execute(url, "set citus.enable_schema_based_sharding to on; create schema tenant_o;"
                + " create table tenant_o.items (id bigint primary key, v bigint)");
        execute(url, "insert into accounts select g, g from generate_series(1000000, 1020000) g");
        AtomicLong keys = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Writer> writers = List.of(
                new Writer(0, "accounts", new ConcurrentHashMap<>(), new AtomicLong()),
                new Writer(1, "accounts", new ConcurrentHashMap<>(), new AtomicLong()),
                new Writer(0, "tenant_o.items", new ConcurrentHashMap<>(), new AtomicLong()),
                new Writer(2, "tenant_o.items", new ConcurrentHashMap<>(), new AtomicLong()));
        List<Thread> threads = new ArrayList<>();
        for (Writer w : writers) {
            long writerSeed = random.nextLong();
            threads.add(Thread.ofPlatform().start(() -> write(w, keys, stop, failures, new Random(writerSeed))));
        }
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String mode = i == 3 ? "force_logical" : i == 6 || i == 10 ? "block_writes" : "auto";
            if (i % 3 == 2) {
                String group = rows(url, "select distinct groupid from citus_shards s join pg_dist_placement "
                        + "using (shardid) where s.table_name::text like 'tenant_o.%'").getFirst();
                String target = rows(url, "select nodeid from pg_dist_node where groupid > 0 and groupid <> " + group
                        + " order by random() limit 1").getFirst();
                execute(url, "select citus_schema_move('tenant_o', target_node_id => " + target
                        + ", shard_transfer_mode => '" + mode + "')");
            } else {
                List<String> shards = rows(url, "select shardid from pg_dist_shard "
                        + "where logicalrelid = 'accounts'::regclass order by shardid");
                String shard = shards.get(random.nextInt(shards.size()));
                String source = rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                        + "where shardid = " + shard).getFirst();
                String target = rows(url, "select nodeid from pg_dist_node where groupid > 0 and nodeid <> " + source
                        + " order by random() limit 1").getFirst();
                execute(url, "select citus_move_shard_placement(" + shard + ", " + source + ", " + target + ", '"
                        + mode + "')");
            }
            if (!mode.equals("block_writes")) {
                pauses.add(cluster.node(0).engine().moveProgress().lastWriteBlockNanos() / 1_000_000);
            }
            if (random.nextBoolean()) {
                execute(url, "select citus_cleanup_orphaned_resources()");
            }
        }
        System.out.println("ShardMoveOnlineClusterTest writes blocked by the online moves (ms): " + pauses);
        assertThat(pauses).allMatch(p -> p > 0 && p < MAX_STATEMENT_NANOS / 1_000_000);
        stop.set(true);
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(failures).isEmpty();
        for (Writer w : writers) {
            assertThat(w.acknowledged()).isNotEmpty();
            assertThat(w.slowest().get()).as("slowest statement of a writer, ns").isLessThan(MAX_STATEMENT_NANOS);
            System.out.println("ShardMoveOnlineClusterTest " + w.table() + " via node " + w.node() + ": "
                    + w.acknowledged().size() + " keys, slowest statement " + w.slowest().get() / 1_000_000 + " ms");
        }
        for (String table : List.of("accounts", "tenant_o.items")) {
            long count = table.equals("accounts") ? 20001 : 0;
            long sum = table.equals("accounts") ? 20001L * 1010000 : 0;
            for (Writer w : writers) {
                if (w.table().equals(table)) {
                    count += w.acknowledged().size();
                    for (long v : w.acknowledged().values()) {
                        sum += v;
                    }
                }
            }
            for (int n = 0; n < 3; n++) {
                assertThat(rows(cluster.jdbcUrl(n), "select count(*), count(distinct id), sum(v) from " + table))
                        .as(table + " on node " + n).containsExactly(count + "|" + count + "|" + sum);
            }
        }
        assertThat(rows(url, "select count(*) from pg_dist_placement p join pg_dist_shard s using (shardid) "
                + "where s.logicalrelid = 'accounts'::regclass")).containsExactly("4");
        execute(url, "select citus_cleanup_orphaned_resources()");
        assertThat(rows(url, "select count(*) from pg_dist_cleanup")).containsExactly("0");
        execute(url, "drop table accounts; drop schema tenant_o cascade");
    }

    @Test
    void movesToAndFromTheCoordinator() throws SQLException {
        String url = cluster.jdbcUrl(0);
        execute(url, "create table ledger (id bigint primary key, v bigint)");
        execute(url, "create index ledger_v on ledger (v)");
        execute(url, "select create_distributed_table('ledger', 'id', shard_count => 2)");
        execute(url, "insert into ledger select g, g % 7 from generate_series(1, 5000) g");
        String coordinator = rows(url, "select nodeid || '|' || nodename || '|' || nodeport from pg_dist_node "
                + "where groupid = 0").getFirst();
        String[] c = coordinator.split("\\|");
        execute(url, "select citus_set_node_property('" + c[1] + "', " + c[2] + ", 'shouldhaveshards', true)");
        try {
            String shard = rows(url, "select min(shardid) from pg_dist_shard where logicalrelid = 'ledger'::regclass")
                    .getFirst();
            String worker = rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                    + "where shardid = " + shard).getFirst();
            for (String[] move : List.of(new String[] {worker, c[0]}, new String[] {c[0], worker})) {
                execute(url, "select citus_move_shard_placement(" + shard + ", " + move[0] + ", " + move[1] + ")");
                execute(url, "insert into ledger values (" + (10000 + Integer.parseInt(move[1])) + ", 3)");
                for (int n = 0; n < 3; n++) {
                    assertThat(rows(cluster.jdbcUrl(n), "select count(*) from ledger where v = 3"))
                            .containsExactly(String.valueOf(714 + (move[1].equals(c[0]) ? 1 : 2)));
                }
                assertThat(rows(url, "select nodeid from pg_dist_placement join pg_dist_node using (groupid) "
                        + "where shardid = " + shard)).containsExactly(move[1]);
            }
        } finally {
            execute(url, "select citus_set_node_property('" + c[1] + "', " + c[2] + ", 'shouldhaveshards', false)");
        }
        execute(url, "select citus_cleanup_orphaned_resources()");
        execute(url, "drop table ledger");
    }

    private static void write(Writer w, AtomicLong keys, AtomicBoolean stop, List<Throwable> failures,
                              Random random) {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(w.node()));
             PreparedStatement insert = c.prepareStatement("insert into " + w.table() + " values (?, ?)");
             PreparedStatement update = c.prepareStatement("update " + w.table() + " set v = v + 1 where id = ?");
             PreparedStatement pair = c.prepareStatement("update " + w.table() + " set v = v + 1 where id in (?, ?)")) {
            List<Long> own = new ArrayList<>();
            while (!stop.get()) {
                long started = System.nanoTime();
                int choice = random.nextInt(4);
                if (own.size() > 1 && choice == 0) {
                    long a = own.get(random.nextInt(own.size()));
                    long b = own.get(random.nextInt(own.size()));
                    pair.setLong(1, a);
                    pair.setLong(2, b);
                    assertThat(pair.executeUpdate()).as("update of acknowledged keys " + a + ", " + b)
                            .isEqualTo(a == b ? 1 : 2);
                    w.acknowledged().merge(a, 1L, Long::sum);
                    if (a != b) {
                        w.acknowledged().merge(b, 1L, Long::sum);
                    }
                } else if (!own.isEmpty() && choice == 1) {
                    long id = own.get(random.nextInt(own.size()));
                    update.setLong(1, id);
                    assertThat(update.executeUpdate()).as("update of acknowledged key " + id).isEqualTo(1);
                    w.acknowledged().merge(id, 1L, Long::sum);
                } else {
                    long id = keys.incrementAndGet();
                    insert.setLong(1, id);
                    insert.setLong(2, id);
                    insert.executeUpdate();
                    w.acknowledged().put(id, id);
                    own.add(id);
                }
                w.slowest().accumulateAndGet(System.nanoTime() - started, Math::max);
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }
}
