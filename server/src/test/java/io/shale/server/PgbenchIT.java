package io.shale.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * pgbench 15 against one node on its durable store (fsync on): initialisation, the select-only
 * script in every query mode, then TPC-B with 8 clients, after which the balances agree.
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PgbenchIT {
    private static final long TIMEOUT_SECONDS = 120;
    private static RealNode node;
    private static Path workingDirectory;

    @BeforeAll
    static void startNodeAndInitialise() throws IOException, InterruptedException {
        assumeTrue(ExternalCommand.available("pgbench"), "pgbench is not installed (postgresql-client-15)");
        node = RealNode.start(Map.of());
        workingDirectory = Files.createTempDirectory("shale-pgbench-");
        pgbench("-i", "-s", "1");
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (node != null) {
            node.close();
        }
        if (workingDirectory != null) {
            Files.deleteIfExists(workingDirectory);
        }
    }

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"prepared", "extended", "simple"})
    void selectOnly(String queryMode) throws IOException, InterruptedException {
        String output = pgbench("-n", "-S", "-T", "3", "-c", "4", "-j", "2", "-M", queryMode);
        assertThat(output).contains("query mode: " + queryMode).contains("number of failed transactions: 0");
    }

    @Order(2)
    @Test
    void tpcbKeepsTheBalancesConsistent() throws IOException, InterruptedException, SQLException {
        String output = pgbench("-n", "-T", "10", "-c", "8", "-j", "2");
        assertThat(output).contains("TPC-B (sort of)").contains("number of failed transactions: 0");
        try (Connection connection = DriverManager.getConnection(node.jdbcUrl());
             Statement statement = connection.createStatement()) {
            long accounts = sum(statement, "SELECT sum(abalance) FROM pgbench_accounts");
            assertThat(sum(statement, "SELECT sum(bbalance) FROM pgbench_branches")).isEqualTo(accounts);
            assertThat(sum(statement, "SELECT sum(tbalance) FROM pgbench_tellers")).isEqualTo(accounts);
            assertThat(sum(statement, "SELECT sum(delta) FROM pgbench_history")).isEqualTo(accounts);
            assertThat(sum(statement, "SELECT count(*) FROM pgbench_history")).isPositive();
        }
    }

    private static long sum(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }

    private static String pgbench(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", Integer.toString(node.port()),
                "-U", "postgres"));
        command.addAll(List.of(arguments));
        command.add("postgres");
        ExternalCommand.Result result = ExternalCommand.run(workingDirectory, TIMEOUT_SECONDS, command);
        assertThat(result.exitStatus()).as("exit status of %s; output:%n%s", command, result.output()).isZero();
        return result.output();
    }
}
