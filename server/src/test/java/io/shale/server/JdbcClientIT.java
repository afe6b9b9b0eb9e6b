package io.shale.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What pgjdbc 42.7 does (clients.md), end to end against one node. */
@Timeout(120)
class JdbcClientIT {
    private static RealNode node;

    @BeforeAll
    static void start() throws Exception {
        node = RealNode.start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(node.jdbcUrl());
    }

    @Test
    void valuesOfEveryCommonTypeSurviveTextAndBinaryTransfer() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE typed (id int PRIMARY KEY, i2 smallint, i8 bigint, f4 real, f8 double precision, "
                    + "n numeric(10,2), b boolean, t text, v varchar(20), d date, ts timestamp, tz timestamptz, "
                    + "u uuid, bin bytea, j jsonb, a int[])");
            UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
                for (int id = 1; id <= 7; id++) {
                    insert.setInt(1, id);
                    insert.setShort(2, (short) -id);
                    insert.setLong(3, 10_000_000_000L + id);
                    insert.setFloat(4, 1.5f);
                    insert.setDouble(5, 0.1);
                    insert.setBigDecimal(6, new BigDecimal("12.34"));
                    insert.setBoolean(7, id % 2 == 0);
                    insert.setString(8, "text é " + id);
                    insert.setString(9, "v" + id);
                    insert.setObject(10, LocalDate.of(2024, 2, 29));
                    insert.setObject(11, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
                    insert.setObject(12, OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
                    insert.setObject(13, uuid);
                    insert.setBytes(14, new byte[] {1, 2, (byte) 255});
                    insert.setString(15, "{\"k\": [1, 2]}");
                    insert.setArray(16, c.createArrayOf("int4", new Integer[] {1, 2, 3}));
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM typed WHERE id = ?")) {
                for (int id = 1; id <= 7; id++) {
                    select.setInt(1, id);
                    try (ResultSet r = select.executeQuery()) {
                        assertThat(r.next()).isTrue();
                        assertThat(r.getShort("i2")).isEqualTo((short) -id);
                        assertThat(r.getLong("i8")).isEqualTo(10_000_000_000L + id);
                        assertThat(r.getFloat("f4")).isEqualTo(1.5f);
                        assertThat(r.getDouble("f8")).isEqualTo(0.1);
                        assertThat(r.getBigDecimal("n")).isEqualTo(new BigDecimal("12.34"));
                        assertThat(r.getBoolean("b")).isEqualTo(id % 2 == 0);
                        assertThat(r.getString("t")).isEqualTo("text é " + id);
                        assertThat(r.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                        assertThat(r.getObject("ts", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
                        assertThat(r.getObject("tz", OffsetDateTime.class).toInstant())
                                .isEqualTo(OffsetDateTime.of(2024, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC).toInstant());
                        assertThat(r.getObject("u")).isEqualTo(uuid);
                        assertThat(r.getBytes("bin")).containsExactly(1, 2, (byte) 255);
                        assertThat(r.getString("j")).isEqualTo("{\"k\": [1, 2]}");
                        Array a = r.getArray("a");
                        assertThat((Integer[]) a.getArray()).containsExactly(1, 2, 3);
                    }
                }
            }
        }
    }

    @Test
    void transactionsSavepointsAndIsolation() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE txn (id int PRIMARY KEY)");
            c.setAutoCommit(false);
            s.execute("INSERT INTO txn VALUES (1)");
            Savepoint sp = c.setSavepoint();
            s.execute("INSERT INTO txn VALUES (2)");
            assertThatThrownBy(() -> s.execute("INSERT INTO txn VALUES (2)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            c.rollback(sp);
            c.commit();
            c.setAutoCommit(true);
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM txn")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        }
    }

    @Test
    void fetchSizeBatchesGeneratedKeysAndMetadata() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE many (id serial PRIMARY KEY, v int NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO many (v) VALUES (?)")) {
                for (int i = 0; i < 50; i++) {
                    insert.setInt(1, i);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).hasSize(50).containsOnly(1);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO many (v) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setInt(1, 99);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getInt("id")).isEqualTo(51);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement select = c.prepareStatement("SELECT id, v FROM many ORDER BY id")) {
                select.setFetchSize(7);
                ResultSetMetaData meta = select.getMetaData();
                assertThat(meta.getColumnCount()).isEqualTo(2);
                assertThat(meta.getColumnTypeName(2)).isEqualTo("int4");
                int rows = 0;
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        rows++;
                    }
                }
                assertThat(rows).isEqualTo(51);
            }
            c.commit();
        }
    }

    @Test
    void copyInAndOutThroughCopyManager() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE copied (id int, name text, amount numeric)");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long in = copy.copyIn("COPY copied (id, name, amount) FROM STDIN WITH (FORMAT csv)",
                    new StringReader("1,a,1.5\n2,\"b, c\",2.25\n3,,\n"));
            assertThat(in).isEqualTo(3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(copy.copyOut("COPY (SELECT id, name FROM copied ORDER BY id) TO STDOUT", out)).isEqualTo(3);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1\ta\n2\tb, c\n3\t\\N\n");
        }
    }

    @Test
    void errorsCarryTheirSqlStateAndTheSessionStaysUsable() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
            assertThatThrownBy(() -> s.executeQuery("SELECT 1/0"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22012"));
            assertThatThrownBy(() -> s.executeQuery("SELEC 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
            try (ResultSet r = s.executeQuery("SELECT current_user, version()")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("postgres");
                assertThat(r.getString(2)).startsWith("PostgreSQL 15.");
            }
        }
    }

    @Test
    void queryTimeoutCancelsARunningStatement() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(30)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
            s.setQueryTimeout(0);
            try (ResultSet r = s.executeQuery("SELECT 1")) {
                assertThat(r.next()).isTrue();
            }
        }
    }


}
