package io.shale.wire;

import io.shale.common.auth.ScramSha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** pgjdbc 42.7.7 over a real socket against PgServer with a fake engine. */
@Timeout(60)
class PgServerTest {
    private static FakeSessionService service;
    private static PgServer server;
    private static int port;

    @BeforeAll
    static void start() {
        service = new FakeSessionService()
                .withRole("pw_user", "secret")
                .withRole("md5_user", PasswordCheck.md5Hash("secret", "md5_user"))
                .withRole("md5_scram_user", ScramSha256.create("secret"))
                .withRole("scram_user", ScramSha256.create("secret"))
                .withRole("ghost2", ScramSha256.create("IX"));
        List<AuthRule> rules = List.of(
                AuthRule.parse("all pw_user all password"),
                AuthRule.parse("all md5_user,md5_scram_user all md5"),
                AuthRule.parse("all scram_user,ghost,ghost2 all scram-sha-256"),
                AuthRule.parse("loopback all all trust"));
        server = new PgServer(WireConfig.defaults(0).withAuthRules(rules), service);
        port = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        server.close();
    }

    static Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/db", properties);
    }

    @Test
    void trustConnectionRunsAQuery() throws SQLException {
        try (Connection connection = connect("alice", null); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(connection.getMetaData().getDatabaseProductVersion()).isEqualTo("15.0");
        }
    }

    @Test
    void everyPasswordMethodAuthenticates() throws SQLException {
        for (String user : List.of("pw_user", "md5_user", "md5_scram_user", "scram_user")) {
            try (Connection connection = connect(user, "secret"); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("echo " + user)) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(user);
            }
            assertThatThrownBy(() -> connect(user, "wrong").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed for user \"" + user + "\"")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
        }
        connect("ghost2", "\u2168").close();
        assertThatThrownBy(() -> connect("ghost", "x").close()).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
    }

    @Test
    void preparedStatementSwitchesToBinaryAfterFiveExecutions() throws SQLException {
        try (Connection connection = connect("bob", null);
             PreparedStatement statement = connection.prepareStatement("select ?")) {
            FakeSession session = service.last();
            for (int i = 1; i <= 6; i++) {
                statement.setInt(1, i * 10);
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(i * 10);
                }
            }
            assertThat(session.boundResultFormats.getFirst()).doesNotContain((short) 1);
            assertThat(session.boundResultFormats.getLast()).containsExactly((short) 1);
            assertThat(session.boundParameters.getLast()).containsExactly(60);
        }
    }

    @Test
    void fetchSizeUsesPortalSuspension() throws SQLException {
        try (Connection connection = connect("carol", null)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(2);
                try (ResultSet rows = statement.executeQuery("generate 5")) {
                    int count = 0;
                    while (rows.next()) {
                        count++;
                    }
                    assertThat(count).isEqualTo(5);
                }
            }
            connection.commit();
        }
    }

    @Test
    void statementCancelStopsABlockedQuery() throws Exception {
        try (Connection connection = connect("dave", null); Statement statement = connection.createStatement()) {
            FakeSession session = service.last();
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    assertThat(session.sleepStarted.await(20, TimeUnit.SECONDS)).isTrue();
                    statement.cancel();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThatThrownBy(() -> statement.execute("sleep")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
            cancel.get(20, TimeUnit.SECONDS);
            try (ResultSet rows = statement.executeQuery("select 5")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(5);
            }
        }
    }

    @Test
    void errorsKeepTheConnectionUsable() throws SQLException {
        try (Connection connection = connect("erin", null); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("error")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("syntax error at or near \"error\"");
            assertThatThrownBy(() -> statement.execute("boom")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("internal error").hasMessageNotContaining("IllegalState");
            try (ResultSet rows = statement.executeQuery("select 2")) {
                assertThat(rows.next()).isTrue();
            }
        }
    }

    @Test
    void copyManagerInAndOut() throws Exception {
        try (Connection connection = connect("frank", null)) {
            org.postgresql.copy.CopyManager copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            long rows = copy.copyIn("COPY t FROM STDIN", new java.io.StringReader("1\ta\n2\tb\n3\tc\n"));
            assertThat(rows).isEqualTo(3);
            java.io.StringWriter out = new java.io.StringWriter();
            assertThat(copy.copyOut("COPY t TO STDOUT", out)).isEqualTo(2);
            assertThat(out.toString()).isEqualTo("1\ta\n2\tb\n");
        }
    }

    @Test
    void garbageOnOneSocketLeavesTheServerServing() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(Bytes.of().frame(PgDecoder.PROTOCOL_3_0, "user", "x", "", new byte[0])
                    .raw((byte) 'Q', -5).bytes());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] all = in.readAllBytes();
            assertThat(new String(all, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains("FATAL").contains("08P01").contains("invalid message length");
        }
        trustConnectionRunsAQuery();
    }
}
