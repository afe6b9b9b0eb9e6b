package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Main node} in a child JVM: prints where it listens, serves clients, and exits 0 on SIGTERM. */
@Timeout(60)
class MainIT {
    @TempDir
    Path data;

    @Test
    void aNodeProcessServesUntilSigterm() throws Exception {
        try (NodeProcess node = NodeProcess.launch(data)) {
            int port = node.awaitReady(Duration.ofSeconds(60));
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT 1")) {
                assertThat(result.next()).isTrue();
            }
            node.stop();
            assertThat(node.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(node.output()).contains("Shale stopped");
        }
    }
}
