package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * pgjdbc against one real node whose coordinator holds every shard: distributed tables through the extended
 * protocol (server-side prepared fast-path queries), multi-shard aggregates, EXPLAIN and Citus's errors.
 */
@Timeout(60)
class DistributedJdbcIT {

    @Test
    void distributedTableThroughPgjdbc() throws Exception {
        try (RealNode node = RealNode.start(Map.of());
             Connection connection = DriverManager.getConnection(node.jdbcUrl())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE events (tenant int, id int, v text)");
                statement.execute("CREATE TABLE other (k int, tenant int)");
                statement.execute("SELECT create_distributed_table('events', 'tenant', shard_count => 8)");
                statement.execute("SELECT create_distributed_table('other', 'k', shard_count => 3)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 40; i++) {
                    insert.setInt(1, i % 5);
                    insert.setInt(2, i);
                    insert.setString(3, "v" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement point = connection.prepareStatement(
                    "SELECT count(*), min(id) FROM events WHERE tenant = ?")) {
                for (int round = 0; round < 3; round++) {
                    for (int t = 0; t < 5; t++) {
                        point.setInt(1, t);
                        try (ResultSet r = point.executeQuery()) {
                            assertThat(r.next()).isTrue();
                            assertThat(r.getLong(1)).isEqualTo(8);
                            assertThat(r.getInt(2)).isEqualTo(t == 0 ? 5 : t);
                        }
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                try (ResultSet r = statement.executeQuery(
                        "SELECT tenant, count(*), sum(id), avg(id) FROM events GROUP BY tenant ORDER BY tenant LIMIT 2")) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getInt(1)).isZero();
                    assertThat(r.getLong(3)).isEqualTo(5 + 10 + 15 + 20 + 25 + 30 + 35 + 40);
                    assertThat(r.getBigDecimal(4)).isEqualByComparingTo("22.5");
                    assertThat(r.next()).isTrue();
                    assertThat(r.next()).isFalse();
                }
                List<String> plan = new ArrayList<>();
                try (ResultSet r = statement.executeQuery("EXPLAIN SELECT * FROM events WHERE tenant = 3")) {
                    while (r.next()) {
                        plan.add(r.getString(1));
                    }
                }
                assertThat(plan).startsWith("Custom Scan (Citus Adaptive)", "  Task Count: 1", "  Tasks Shown: All",
                        "  ->  Task");
                SQLException e = catchThrowableOfType(SQLException.class,
                        () -> statement.executeQuery("SELECT * FROM events e JOIN other o ON e.id = o.k"));
                assertThat(e.getSQLState()).isEqualTo("0A000");
                assertThat(e.getMessage()).contains("complex joins are only supported when all distributed tables "
                        + "are co-located and joined on their distribution columns");
            }
        }
    }
}
