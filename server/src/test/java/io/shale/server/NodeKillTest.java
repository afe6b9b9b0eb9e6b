package io.shale.server;

import io.shale.common.error.ShaleException;
import io.shale.storage.KeyValueStore;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-JVM kill of a disk node under concurrent writers, then a restart on the same data: every
 * acknowledged commit is there, and the restarted node keeps working. Besides the clients, a
 * writer inside the node (as a background job is: a kill does not wait for it, where it waits a
 * little for client sessions) commits transactions too large for one log record straight into the
 * store; the killed instance must stop writing the files before the restart recovers them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeKillTest {
    private static final int WRITERS = 4;

    @Test
    void aKilledNodeRestartsWithEveryAcknowledgedCommit(@TempDir Path data) throws Exception {
        long seed = System.nanoTime();
        System.out.println("NodeKillTest seed " + seed);
        Random random = new Random(seed);
        try (LocalCluster cluster = LocalCluster.builder().nodes(1).dataDirectory(data).setting("fsync", "off").start()) {
            execute(cluster.jdbcUrl(0), "create table k (writer int, n int, pad text, primary key (writer, n))");
            AtomicIntegerArray acknowledged = new AtomicIntegerArray(WRITERS);
            for (int round = 0; round < 3; round++) {
                String context = "round " + round + " seed " + seed;
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> clients = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    clients.add(Thread.ofPlatform().start(() -> insert(cluster.jdbcUrl(0), writer, acknowledged, stop)));
                }
                AtomicInteger inside = new AtomicInteger();
                KeyValueStore store = cluster.node(0).engine().store();
                Thread background = Thread.ofPlatform().start(() -> writeInside(store, inside, stop));
                int start = acknowledged.get(1);
                while (acknowledged.get(1) < start + 5 + random.nextInt(20)) {
                    Thread.sleep(2);
                }
                cluster.kill(0);
                Map<String, Long> sizes = storeFiles(data);
                Thread.sleep(30);
                assertThat(storeFiles(data)).as("the killed node's store files change, %s", context).isEqualTo(sizes);
                stop.set(true);
                for (Thread client : clients) {
                    client.join();
                }
                cluster.restart(0);
                background.join();
                Transaction reader = cluster.node(0).engine().store().begin(TransactionOptions.defaults());
                for (int i = 0; i < inside.get(); i++) {
                    assertThat(reader.get(insideKey(i, 0))).as("background commit %d, %s", i, context).isNotNull();
                }
                reader.rollback();
                for (int w = 0; w < WRITERS; w++) {
                    Set<String> present = new HashSet<>(rows(cluster.jdbcUrl(0),
                            "select n from k where writer = " + w));
                    for (int n = 0; n < acknowledged.get(w); n++) {
                        assertThat(present).as("writer %d row %d, %s", w, n, context).contains(Integer.toString(n));
                    }
                    acknowledged.set(w, present.size());
                    assertThat(present).as("writer %d rows are a prefix, %s", w, context)
                            .allMatch(n -> Integer.parseInt(n) < present.size());
                }
            }
            cluster.stop(0);
            cluster.restart(0);
            assertThat(rows(cluster.jdbcUrl(0), "select count(*) from k where writer = 1"))
                    .containsExactly(Integer.toString(acknowledged.get(1)));
        }
    }

    /** The store's files of node 0 and their sizes. */
    private static Map<String, Long> storeFiles(Path data) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(data.resolve("node-0").resolve(PgWireAssembly.STORE_DIRECTORY))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                sizes.put(file.getFileName().toString(), Files.size(file));
            }
        }
        return sizes;
    }

    /**
     * Commits 70 values of 64 KiB at once (over the 4 MiB of one log record), with 10 ms between
     * commits, until the store refuses.
     */
    private static void writeInside(KeyValueStore store, AtomicInteger acknowledged, AtomicBoolean stop) {
        byte[] value = new byte[64 << 10];
        while (!stop.get()) {
            int next = acknowledged.get();
            try {
                Transaction transaction = store.begin(TransactionOptions.defaults());
                for (int v = 0; v < 70; v++) {
                    transaction.put(insideKey(next, v), value);
                }
                transaction.commit();
                acknowledged.set(next + 1);
                Thread.sleep(10);
            } catch (ShaleException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A key past every relation's range (storage id 0xFFFFFFFFFFFFFFFF): the engine never reads it. */
    private static byte[] insideKey(int commit, int value) {
        byte[] key = new byte[16];
        Arrays.fill(key, 0, 8, (byte) 0xFF);
        ByteBuffer.wrap(key, 8, 8).putInt(commit).putInt(value);
        return key;
    }

    /**
     * Inserts the writer's next rows, one commit at a time, until stopped or the node goes away.
     * Writer 0 commits 600 rows of 8 KiB at once: over the 4 MiB of one log record.
     */
    private static void insert(String url, int writer, AtomicIntegerArray acknowledged, AtomicBoolean stop) {
        int rowsEach = writer == 0 ? 600 : 1;
        int padding = writer == 0 ? 8192 : 200;
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            while (!stop.get()) {
                int from = acknowledged.get(writer);
                statement.executeUpdate("insert into k select " + writer + ", g, repeat('x', " + padding
                        + ") from generate_series(" + from + ", " + (from + rowsEach - 1) + ") g");
                acknowledged.set(writer, from + rowsEach);
            }
        } catch (SQLException e) {
            // The node was killed: the commit in flight may or may not be there.
        }
    }
}
