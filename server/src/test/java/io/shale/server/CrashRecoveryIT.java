package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node process under a pgjdbc write load is killed with SIGKILL, again and again: after each
 * restart every acknowledged commit is there, and no transaction is half there (each writes two
 * rows, both or neither survive). Sequence values are never handed out twice. A DDL writer
 * replaces a table in each transaction (create the next, fill it, drop the previous): exactly the
 * table of the last acknowledged (or the in-doubt) transaction exists, with its row.
 */
@Timeout(180)
class CrashRecoveryIT {
    private static final int WRITERS = 4;
    /** How many times the node is killed. */
    private static final int ROUNDS = 5;
    private static final Duration READY = Duration.ofSeconds(60);

    @TempDir
    Path data;

    /** One writer's view: the transaction numbers it saw committed, and the one in doubt when the node died. */
    private static final class Writer {
        final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        volatile int inDoubt = -1;
        volatile int next = 1;
    }

    /** The DDL writer: the last transaction it saw committed, and the one in doubt when the node died. */
    private static final class DdlWriter {
        volatile int acknowledged;
        volatile int inDoubt = -1;
    }

    @Test
    void acknowledgedCommitsSurviveSigkillAndNoneIsHalfThere() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("CrashRecoveryIT seed " + seed);
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(new Writer());
        }
        DdlWriter ddl = new DdlWriter();
        try (NodeProcess node = NodeProcess.launch(data)) {
            int port = node.awaitReady(READY);
            try (Connection c = connect(port); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ack (writer int, txn int, part int, id bigserial UNIQUE, PRIMARY KEY (writer, txn, part))");
            }
            runLoad(node, port, writers, ddl, 500 + random.nextInt(1500));
        }
        for (int round = 1; round < ROUNDS; round++) {
            try (NodeProcess node = NodeProcess.launch(data)) {
                int port = node.awaitReady(READY);
                check(port, writers, round);
                checkDdl(port, ddl, round);
                runLoad(node, port, writers, ddl, 500 + random.nextInt(1500));
            }
        }
        try (NodeProcess node = NodeProcess.launch(data)) {
            int port = node.awaitReady(READY);
            check(port, writers, ROUNDS);
            checkDdl(port, ddl, ROUNDS);
        }
    }

    @Test
    void aCorruptLogRecordStopsTheStartWithAHintAndTheSettingForcesPastIt() throws Exception {
        try (NodeProcess node = NodeProcess.launch(data)) {
            int port = node.awaitReady(READY);
            try (Connection c = connect(port); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (a int PRIMARY KEY, b text)");
                for (int i = 0; i < 200; i++) {
                    s.execute("INSERT INTO t VALUES (" + i + ", repeat('x', 100))");
                }
            }
        }
        Path segment;
        try (Stream<Path> files = Files.list(data.resolve(PgWireAssembly.STORE_DIRECTORY))) {
            segment = files.filter(p -> p.getFileName().toString().endsWith(".wal"))
                    .max(Comparator.comparingLong(CrashRecoveryIT::size)).orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0x5A);
        }
        try (NodeProcess node = NodeProcess.launch(data)) {
            assertThat(node.awaitExit(READY)).isEqualTo(1);
            String output = String.join("\n", node.output());
            assertThat(output).contains("invalid WAL record in file \"" + segment.getFileName() + "\"")
                    .contains("HINT:  Setting shale.wal_skip_corrupt = on")
                    .doesNotContain("\tat io.shale");
            assertThat(Files.readString(data.resolve("log/shale.log"))).contains("HINT:  Setting shale.wal_skip_corrupt = on")
                    .doesNotContain("\tat io.shale");
        }
        try (NodeProcess node = NodeProcess.launch(data, "--set", "shale.wal_skip_corrupt=on")) {
            int port = node.awaitReady(READY);
            try (Connection c = connect(port); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM t")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).isBetween(0L, 200L);
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                + "/postgres?user=postgres&socketTimeout=30&connectTimeout=10");
    }

    /** Writers commit two-row transactions until the node is killed with SIGKILL after {@code millis}. */
    private static void runLoad(NodeProcess node, int port, List<Writer> writers, DdlWriter ddl, long millis)
            throws Exception {
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.ofPlatform().start(() -> writeDdl(port, ddl)));
        for (int w = 0; w < writers.size(); w++) {
            int id = w;
            Writer writer = writers.get(w);
            threads.add(Thread.ofPlatform().start(() -> write(port, id, writer)));
        }
        Thread.sleep(millis);
        node.kill();
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60));
        }
    }

    private static void write(int port, int id, Writer writer) {
        try (Connection c = connect(port)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ack (writer, txn, part) VALUES (?, ?, ?)")) {
                while (true) {
                    int txn = writer.next;
                    writer.inDoubt = txn;
                    for (int part = 1; part <= 2; part++) {
                        insert.setInt(1, id);
                        insert.setInt(2, txn);
                        insert.setInt(3, part);
                        insert.executeUpdate();
                    }
                    c.commit();
                    writer.acknowledged.add(txn);
                    writer.inDoubt = -1;
                    writer.next = txn + 1;
                }
            }
        } catch (SQLException e) {
            // the node was killed: the transaction in flight, if any, stays in doubt
        }
    }

    private static void writeDdl(int port, DdlWriter ddl) {
        try (Connection c = connect(port); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            while (true) {
                int n = ddl.acknowledged + 1;
                ddl.inDoubt = n;
                s.execute("CREATE TABLE ddl_" + n + " (a int PRIMARY KEY)");
                s.execute("INSERT INTO ddl_" + n + " VALUES (" + n + ")");
                if (n > 1) {
                    s.execute("DROP TABLE ddl_" + (n - 1));
                }
                c.commit();
                ddl.acknowledged = n;
                ddl.inDoubt = -1;
            }
        } catch (SQLException e) {
            // the node was killed: the transaction in flight, if any, stays in doubt
        }
    }

    private static void checkDdl(int port, DdlWriter ddl, int round) throws SQLException {
        List<Integer> tables = new ArrayList<>();
        try (Connection c = connect(port); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT relname FROM pg_class WHERE relname LIKE 'ddl\\_%' AND relkind = 'r'")) {
                while (r.next()) {
                    tables.add(Integer.parseInt(r.getString(1).substring(4)));
                }
            }
            if (ddl.acknowledged == 0 && tables.isEmpty()) {
                return;
            }
            assertThat(tables).as("round %d: the DDL writer's tables (acknowledged %d, in doubt %d)", round,
                    ddl.acknowledged, ddl.inDoubt).hasSize(1);
            int n = tables.getFirst();
            System.out.println("CrashRecoveryIT after kill " + round + ": table ddl_" + n);
            assertThat(n == ddl.acknowledged || n == ddl.inDoubt).as("round %d: table ddl_%d", round, n).isTrue();
            try (ResultSet r = s.executeQuery("SELECT a FROM ddl_" + n)) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(n);
                assertThat(r.next()).isFalse();
            }
            ddl.acknowledged = n;
            ddl.inDoubt = -1;
        }
    }

    private static void check(int port, List<Writer> writers, int round) throws SQLException {
        Map<Integer, Map<Integer, Integer>> parts = new HashMap<>();
        long rows = 0;
        try (Connection c = connect(port); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT writer, txn, count(*) FROM ack GROUP BY writer, txn")) {
            while (r.next()) {
                parts.computeIfAbsent(r.getInt(1), k -> new HashMap<>()).put(r.getInt(2), r.getInt(3));
                rows += r.getInt(3);
            }
            try (ResultSet ids = s.executeQuery("SELECT count(DISTINCT id), count(*) FROM ack")) {
                assertThat(ids.next()).isTrue();
                assertThat(ids.getLong(1)).as("round %d: sequence values are unique", round).isEqualTo(ids.getLong(2)).isEqualTo(rows);
            }
        }
        System.out.println("CrashRecoveryIT after kill " + round + ": " + rows + " rows");
        for (int w = 0; w < writers.size(); w++) {
            Writer writer = writers.get(w);
            Map<Integer, Integer> present = parts.getOrDefault(w, Map.of());
            for (int txn : writer.acknowledged) {
                assertThat(present.get(txn)).as("round %d: writer %d, acknowledged transaction %d", round, w, txn).isEqualTo(2);
            }
            for (Map.Entry<Integer, Integer> e : present.entrySet()) {
                assertThat(e.getValue()).as("round %d: writer %d, transaction %d is whole", round, w, e.getKey()).isEqualTo(2);
                assertThat(writer.acknowledged.contains(e.getKey()) || e.getKey() == writer.inDoubt)
                        .as("round %d: writer %d, transaction %d was acknowledged or in doubt", round, w, e.getKey()).isTrue();
            }
            if (writer.inDoubt > 0 && present.containsKey(writer.inDoubt)) {
                writer.acknowledged.add(writer.inDoubt);
            }
            writer.inDoubt = -1;
            int max = 0;
            for (int txn : present.keySet()) {
                max = Math.max(max, txn);
            }
            writer.next = max + 1;
        }
    }
}
