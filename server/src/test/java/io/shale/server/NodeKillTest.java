package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-JVM kill of a disk node under concurrent writers, one of them committing transactions too
 * large for one log record, then a restart on the same data: every acknowledged commit is there,
 * and the restarted node keeps working (the killed instance wrote nothing while it recovered).
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
                int start = acknowledged.get(1);
                while (acknowledged.get(1) < start + 5 + random.nextInt(20)) {
                    Thread.sleep(2);
                }
                cluster.kill(0);
                stop.set(true);
                for (Thread client : clients) {
                    client.join();
                }
                cluster.restart(0);
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
