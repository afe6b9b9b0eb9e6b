package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Roles and grants live in the shared catalog: a GRANT on the coordinator or on a worker shows on every node. */
@Timeout(120)
class PrivilegeClusterTest extends ThreeNodeClusterTest {
    @Test
    void grantsOnTheCoordinatorAndFromAWorkerAreVisibleEverywhere() throws SQLException {
        execute(cluster.jdbcUrl(0), "create role acl_reader login");
        execute(cluster.jdbcUrl(0), "create table acl_dist (id int primary key, v text)");
        execute(cluster.jdbcUrl(0), "select create_distributed_table('acl_dist', 'id')");
        try {
            execute(cluster.jdbcUrl(0), "grant select on acl_dist to acl_reader");
            execute(cluster.jdbcUrl(1), "grant insert on acl_dist to acl_reader");
            for (int node = 0; node < 3; node++) {
                assertThat(rows(cluster.jdbcUrl(node), "select has_table_privilege('acl_reader', 'acl_dist', 'SELECT'),"
                        + " has_table_privilege('acl_reader', 'acl_dist', 'INSERT'),"
                        + " has_table_privilege('acl_reader', 'acl_dist', 'DELETE')"))
                        .as("node %d", node).containsExactly("t|t|f");
                assertThat(rows(cluster.jdbcUrl(node), "select relacl::text from pg_class where relname = 'acl_dist'"))
                        .as("node %d", node).containsExactly("{postgres=arwdDxt/postgres,acl_reader=ar/postgres}");
            }
            String asReader = cluster.jdbcUrl(2).replace("user=postgres", "user=acl_reader");
            try (Connection c = DriverManager.getConnection(asReader); Statement s = c.createStatement()) {
                s.execute("grant select on acl_dist to acl_reader");
                assertThat((Object) s.getWarnings()).as("the coordinator's WARNING reaches the worker's client").isNotNull();
                assertThat(s.getWarnings().getMessage()).isEqualTo("no privileges were granted for \"acl_dist\"");
            }
            execute(cluster.jdbcUrl(2), "revoke all on acl_dist from acl_reader");
            for (int node = 0; node < 3; node++) {
                assertThat(rows(cluster.jdbcUrl(node), "select has_table_privilege('acl_reader', 'acl_dist', 'SELECT')"))
                        .as("node %d", node).containsExactly("f");
            }
        } finally {
            execute(cluster.jdbcUrl(0), "drop table if exists acl_dist");
            execute(cluster.jdbcUrl(0), "drop role if exists acl_reader");
        }
    }
}
