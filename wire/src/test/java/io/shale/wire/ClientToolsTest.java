package io.shale.wire;

import io.shale.common.auth.ScramSha256;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** psql 15 and TLS against PgServer with a fake engine; skipped when psql or openssl is absent. */
@Timeout(60)
class ClientToolsTest {
    private static final Path PSQL = Path.of("/usr/bin/psql");

    private static String run(Path directory, List<String> command, String stdin, String password)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    @Test
    void psqlWithScramRunsQueriesAndCopy(@TempDir Path directory) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PSQL), "psql is not installed");
        FakeSessionService service = new FakeSessionService().withRole("scram_user", ScramSha256.create("secret"));
        WireConfig config = WireConfig.defaults(0).withAuthRules(List.of(AuthRule.parse("all all all scram-sha-256")));
        try (PgServer server = new PgServer(config, service)) {
            int port = server.start();
            List<String> base = List.of(PSQL.toString(), "-X", "-A", "-t", "-h", "127.0.0.1", "-p",
                    Integer.toString(port), "-U", "scram_user", "-d", "db");
            String output = run(directory, concat(base, "-c", "select 1; echo hi"), "", "secret");
            assertThat(output).isEqualTo("1\nhi\n");
            output = run(directory, concat(base, "-c", "\\copy t1 from stdin"), "1\ta\n2\tb\n", "secret");
            assertThat(output).isEqualTo("COPY 2\n");
            assertThat(service.last().copiedIn).startsWith("1\ta\n2\tb\n");
            output = run(directory, concat(base, "-c", "error"), "", "secret");
            assertThat(output).contains("ERROR:  syntax error at or near \"error\"");
            output = run(directory, concat(base, "-c", "select 1"), "", "wrong");
            assertThat(output).contains("password authentication failed for user \"scram_user\"");
        }
    }

    @Test
    void tlsHandshakeAfterSslRequest(@TempDir Path directory) throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed");
        run(directory, List.of(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                "key.pem", "-out", "cert.pem", "-days", "1", "-subj", "/CN=localhost"), "", null);
        WireConfig config = WireConfig.defaults(0)
                .withTls(directory.resolve("cert.pem"), directory.resolve("key.pem"))
                .withAuthRules(List.of(AuthRule.parse("all refused all reject"), AuthRule.parse("all all all trust")));
        try (PgServer server = new PgServer(config, new FakeSessionService())) {
            int port = server.start();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/db";
            Properties properties = new Properties();
            properties.setProperty("user", "alice");
            properties.setProperty("sslmode", "require");
            try (Connection connection = DriverManager.getConnection(url, properties);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select 4")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(4);
            }
            properties.setProperty("user", "refused");
            assertThatThrownBy(() -> DriverManager.getConnection(url, properties).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("SSL encryption");
            if (Files.isExecutable(PSQL)) {
                String output = run(directory, List.of(PSQL.toString(), "-X", "-A", "-t", "-c", "echo tls",
                        "host=127.0.0.1 port=" + port + " user=alice dbname=db sslmode=require"), "", null);
                assertThat(output).isEqualTo("tls\n");
            }
        }
    }

    @Test
    void closingTheServerEndsEverySession() throws Exception {
        FakeSessionService service = new FakeSessionService();
        PgServer server = new PgServer(WireConfig.defaults(0), service);
        int port = server.start();
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/db",
                properties)) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("select 1");
            server.close();
            assertThat(service.last().closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> connection.createStatement().execute("select 1")).isInstanceOf(SQLException.class);
        } finally {
            server.close();
        }
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
