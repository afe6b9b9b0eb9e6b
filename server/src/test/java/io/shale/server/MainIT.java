package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Main node} in a child JVM: prints where it listens, serves clients, and exits 0 on SIGTERM. */
@Timeout(60)
class MainIT {
    private static final Pattern READY = Pattern.compile("Shale ready on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path data;

    @Test
    void aNodeProcessServesUntilSigterm() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "node", "--port", "0", "--data", data.toString())
                .redirectErrorStream(true).start();
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("reader failed: " + e.getMessage());
            }
        });
        try {
            int port = -1;
            while (port < 0) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("a line of output before the node is ready").isNotNull();
                Matcher ready = READY.matcher(line);
                if (ready.matches()) {
                    port = Integer.parseInt(ready.group(1));
                }
            }
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT 1")) {
                assertThat(result.next()).isTrue();
            }
            process.toHandle().destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            reader.join(Duration.ofSeconds(10));
            assertThat(lines).contains("Shale stopped");
        } finally {
            process.destroyForcibly();
        }
    }
}
