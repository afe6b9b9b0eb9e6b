package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** pgjdbc against real nodes: the composition of store, engine and protocol server works end to end. */
@Timeout(60)
class NodeJdbcIT {

    @Test
    void selectOne() throws Exception {
        try (RealNode node = RealNode.start(Map.of());
             Connection connection = DriverManager.getConnection(node.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
            assertThat(result.next()).isFalse();
        }
    }

    @Test
    void tablesRoundTripThroughPreparedStatements() throws Exception {
        try (RealNode node = RealNode.start(Map.of());
             Connection connection = DriverManager.getConnection(node.jdbcUrl())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE jdbc_items (id int PRIMARY KEY, name text)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO jdbc_items VALUES (?, ?)")) {
                for (int i = 1; i <= 10; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "item " + i);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT name FROM jdbc_items WHERE id = ?")) {
                select.setInt(1, 7);
                try (ResultSet result = select.executeQuery()) {
                    assertThat(result.next()).isTrue();
                    assertThat(result.getString(1)).isEqualTo("item 7");
                }
            }
        }
    }

    @Test
    void settingsFromTheNodeAnswerShow() throws Exception {
        try (RealNode node = RealNode.start(Map.of("work_mem", "8MB"));
             Connection connection = DriverManager.getConnection(node.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW work_mem")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("8MB");
        }
    }

    @Test
    void twoNodesInOneJvmAreIndependent() throws Exception {
        try (RealNode first = RealNode.start(Map.of()); RealNode second = RealNode.start(Map.of());
             Connection one = DriverManager.getConnection(first.jdbcUrl());
             Connection two = DriverManager.getConnection(second.jdbcUrl())) {
            execute(one, "CREATE TABLE only_on_first (id int)");
            execute(two, "CREATE TABLE only_on_second (id int)");
            execute(one, "INSERT INTO only_on_first VALUES (1)");
            try (Statement statement = two.createStatement()) {
                assertThat(catchThrowableOfType(SQLException.class,
                        () -> statement.executeQuery("SELECT * FROM only_on_first")).getSQLState()).isEqualTo("42P01");
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
