package io.shale.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.shale.server.LocalClusterTest.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The tutorial's shape: roles userservice and timeservice, each owning a schema with a distributed, a reference and a
 * single-shard table; each role reads and writes its own through every node and gets 42501 on the other's, with
 * PostgreSQL's messages, whether the statement is routed, fast-path, multi-shard or INSERT … SELECT.
 */
@Timeout(120)
class PrivilegeClusterTest extends ThreeNodeClusterTest {
    private static final String[] ROLES = {"userservice", "timeservice"};

    @BeforeAll
    static void createServices() throws SQLException {
        String admin = cluster.jdbcUrl(0);
        for (String role : ROLES) {
            execute(admin, "CREATE ROLE " + role + " LOGIN");
            execute(admin, "CREATE SCHEMA AUTHORIZATION " + role);
            try (Connection c = connect(0, role); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE items (id bigint PRIMARY KEY, name text)");
                s.execute("SELECT create_distributed_table('items', 'id')");
                s.execute("CREATE TABLE kinds (id int PRIMARY KEY, label text)");
                s.execute("SELECT create_reference_table('kinds')");
                s.execute("CREATE TABLE notes (id bigint PRIMARY KEY, body text)");
                s.execute("SELECT create_distributed_table('notes', NULL)");
            }
        }
    }

    static Connection connect(int node, String role) throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(node).replace("user=postgres", "user=" + role));
    }

    private static String denied(Connection c, String sql) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
        assertThat((Object) e).as(sql).isNotNull();
        return e.getSQLState() + ": " + e.getMessage().lines().findFirst().orElse("");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void eachServiceReadsAndWritesItsOwnThroughEveryNode() throws SQLException {
        for (int node = 0; node < 3; node++) {
            for (int r = 0; r < ROLES.length; r++) {
                String role = ROLES[r];
                long id = 1000L * (r + 1) + node;
                try (Connection c = connect(node, role); Statement s = c.createStatement()) {
                    s.execute("INSERT INTO items VALUES (" + id + ", 'i')");
                    s.execute("INSERT INTO notes VALUES (" + id + ", 'n')");
                    s.execute("INSERT INTO kinds VALUES (" + id + ", 'k')");
                    assertThat(count(c, "SELECT count(*) FROM items WHERE id = " + id)).isEqualTo(1);
                    assertThat(count(c, "SELECT count(*) FROM " + role + ".items")).isGreaterThanOrEqualTo(1);
                    assertThat(count(c, "SELECT count(*) FROM notes n JOIN kinds k ON k.id = n.id")).isGreaterThanOrEqualTo(1);
                    assertThat(s.executeUpdate("UPDATE items SET name = 'j' WHERE id = " + id)).isEqualTo(1);
                    assertThat(s.executeUpdate("UPDATE notes SET body = 'm'")).isGreaterThanOrEqualTo(1);
                    s.execute("INSERT INTO items SELECT id + 100000, body FROM notes WHERE id = " + id);
                    assertThat(s.executeUpdate("DELETE FROM items WHERE id = " + (id + 100000))).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void otherServicesSchemasAreRefusedOnEveryNode() throws SQLException {
        for (int node = 0; node < 3; node++) {
            try (Connection c = connect(node, "timeservice")) {
                String schema = "42501: ERROR: permission denied for schema userservice";
                assertThat(denied(c, "SELECT * FROM userservice.items WHERE id = 1")).isEqualTo(schema);
                assertThat(denied(c, "SELECT count(*) FROM userservice.items")).isEqualTo(schema);
                assertThat(denied(c, "SELECT * FROM userservice.notes")).isEqualTo(schema);
                assertThat(denied(c, "SELECT * FROM userservice.kinds")).isEqualTo(schema);
                assertThat(denied(c, "INSERT INTO userservice.items VALUES (1, 'x')")).isEqualTo(schema);
                assertThat(denied(c, "INSERT INTO userservice.items SELECT id, body FROM notes")).isEqualTo(schema);
                assertThat(denied(c, "UPDATE userservice.notes SET body = 'x'")).isEqualTo(schema);
                assertThat(denied(c, "DELETE FROM userservice.kinds")).isEqualTo(schema);
                assertThat(denied(c, "DROP TABLE userservice.items")).isEqualTo(schema);
                assertThat(denied(c, "SELECT citus_add_node('localhost', 1)"))
                        .isEqualTo("42501: ERROR: permission denied for function citus_add_node");
            }
        }
    }

    @Test
    void shardsOnWorkersAreJudgedByTheirTable() throws SQLException {
        String shard;
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT shard_name('userservice.notes'::regclass, shardid), nodename, nodeport"
                     + " FROM pg_dist_shard JOIN pg_dist_placement USING (shardid) JOIN pg_dist_node USING (groupid)"
                     + " WHERE logicalrelid = 'userservice.notes'::regclass")) {
            r.next();
            shard = r.getString(1);
            int port = r.getInt(3);
            int node = port == cluster.port(1) ? 1 : 2;
            try (Connection own = connect(node, "userservice")) {
                assertThat(count(own, "SELECT count(*) FROM " + shard)).isGreaterThanOrEqualTo(0);
            }
            try (Connection other = connect(node, "timeservice")) {
                assertThat(denied(other, "SELECT count(*) FROM " + shard))
                        .isEqualTo("42501: ERROR: permission denied for schema userservice");
            }
        }
    }

    @Test
    void citusFunctionsNeedOwnership() throws SQLException {
        try (Connection c = connect(0, "userservice"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE plain (id int)");
        }
        execute(cluster.jdbcUrl(0), "ALTER TABLE userservice.plain OWNER TO timeservice");
        try (Connection c = connect(0, "userservice")) {
            assertThat(denied(c, "SELECT create_distributed_table('plain', 'id')"))
                    .isEqualTo("42501: ERROR: must be owner of table plain");
            assertThat(denied(c, "SELECT create_reference_table('plain')"))
                    .isEqualTo("42501: ERROR: must be owner of table plain");
        }
    }

    @Test
    void preparedStatementsAreCheckedAtEachExecution() throws SQLException {
        try (Connection c = connect(1, "userservice");
             PreparedStatement p = c.prepareStatement("SELECT count(*) FROM items WHERE id = ?")) {
            for (int i = 0; i < 8; i++) {
                p.setLong(1, i);
                try (ResultSet r = p.executeQuery()) {
                    assertThat(r.next()).isTrue();
                }
            }
        }
    }
}
