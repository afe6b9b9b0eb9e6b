package io.shale.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Schema-based sharding on a coordinator with two workers, through pgjdbc: the microservices tutorial
 * (seed 000) in a fresh database {@code citus} — roles, CREATE SCHEMA AUTHORIZATION, citus_schema_distribute,
 * tables created by each service's role on the coordinator and on workers — then schemas made distributed
 * by citus.enable_schema_based_sharding, and DROP SCHEMA … CASCADE cleaning every node.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaShardingClusterTest extends ThreeNodeClusterTest {
    private static final String[] SERVICES = {"userservice", "timeservice", "pingservice"};

    static String url(int node, String role) {
        return cluster.jdbcUrl(node).replace("/postgres?user=postgres", "/citus?user=" + role);
    }

    @BeforeAll
    static void tutorial() throws SQLException {
        execute(cluster.jdbcUrl(0), "CREATE DATABASE citus");
        String admin = url(0, "postgres");
        for (String service : SERVICES) {
            execute(admin, "CREATE ROLE " + service + " LOGIN");
        }
        for (String service : SERVICES) {
            execute(admin, "CREATE SCHEMA AUTHORIZATION " + service);
        }
        for (String service : SERVICES) {
            execute(admin, "SELECT citus_schema_distribute('" + service + "')");
        }
        execute(url(0, "userservice"), "CREATE TABLE users (id SERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL,"
                + " email VARCHAR(255) NOT NULL)");
        execute(url(1, "timeservice"), "CREATE TABLE query_details (id SERIAL PRIMARY KEY, ip_address INET NOT NULL,"
                + " query_time TIMESTAMP NOT NULL)");
        execute(url(2, "pingservice"), "CREATE TABLE ping_results (id SERIAL PRIMARY KEY, host VARCHAR(255) NOT NULL,"
                + " result TEXT NOT NULL)");
        execute(url(0, "userservice"), "INSERT INTO users (name, email) VALUES ('John Doe', 'john@example.com'),"
                + " ('Jane Smith', 'jane@example.com')");
        assertThatThrownBy(() -> execute(url(2, "userservice"), "INSERT INTO users (name, email)"
                + " VALUES ('Mike Johnson', 'mike@example.com')")).hasMessageContaining("nextval(sequence) calls in"
                + " worker nodes are not supported for column defaults of type int or smallint");
        execute(url(2, "userservice"), "INSERT INTO users (id, name, email) VALUES (3, 'Mike Johnson', 'mike@example.com')");
        execute(url(0, "userservice"), "SELECT setval('users_id_seq', 3)");
        execute(url(0, "timeservice"), "INSERT INTO query_details (ip_address, query_time)"
                + " VALUES ('127.0.0.1', '2024-01-01 10:00:00')");
        execute(url(0, "pingservice"), "INSERT INTO ping_results (host, result) VALUES ('example.com', 'ok')");
        execute(admin, "INSERT INTO userservice.users (name, email) VALUES ('Emily Davis', 'emily@example.com')");
    }

    /** The ports of the nodes with shouldhaveshards, sorted as Citus sorts placement candidates. */
    private static List<String> workerPorts() throws SQLException {
        return rows(url(0, "postgres"), "SELECT nodeport FROM pg_dist_node WHERE shouldhaveshards"
                + " ORDER BY nodename, nodeport");
    }

    @Test
    @Order(1)
    void theTutorialLayout() throws SQLException {
        String admin = url(0, "postgres");
        assertThat(rows(admin, "SELECT schema_name, colocation_id, schema_owner FROM citus_schemas"))
                .containsExactly("userservice|1|userservice", "timeservice|2|timeservice", "pingservice|3|pingservice");
        List<String> ports = workerPorts();
        assertThat(ports).hasSize(2);
        assertThat(rows(admin, "SELECT table_name, citus_table_type, colocation_id, nodeport FROM citus_shards"
                + " ORDER BY colocation_id")).containsExactly(
                "userservice.users|schema|1|" + ports.get(1),
                "timeservice.query_details|schema|2|" + ports.get(0),
                "pingservice.ping_results|schema|3|" + ports.get(1));
        assertThat(rows(admin, "SELECT nodeport, table_name, pg_size_pretty(sum(shard_size)) IS NOT NULL FROM citus_shards"
                + " GROUP BY nodeport, table_name ORDER BY 2")).hasSize(3);
        assertThat(rows(admin, "SELECT schema_size FROM citus_schemas")).hasSize(3)
                .allSatisfy(size -> assertThat(size).isNotNull().isNotEqualTo("0 bytes"));
        String schemas = "SELECT schemaid::regnamespace || ':' || colocationid FROM pg_dist_schema ORDER BY colocationid";
        String partitions = "SELECT logicalrelid::text || ':' || partmethod::text || ':' || repmodel::text || ':' || colocationid"
                + " || ':' || coalesce(partkey, 'null') FROM pg_dist_partition ORDER BY colocationid";
        String colocation = "SELECT colocationid || ':' || shardcount || ':' || replicationfactor || ':'"
                + " || distributioncolumntype || ':' || distributioncolumncollation FROM pg_dist_colocation ORDER BY 1";
        assertThat(rows(admin, schemas)).containsExactly("userservice:1", "timeservice:2", "pingservice:3");
        assertThat(rows(admin, colocation)).containsExactly("1:1:1:0:0", "2:1:1:0:0", "3:1:1:0:0");
        for (int node = 1; node < 3; node++) {
            assertThat(rows(url(node, "postgres"), schemas)).isEqualTo(rows(admin, schemas));
            assertThat(rows(url(node, "postgres"), partitions)).isEqualTo(rows(admin, partitions));
            assertThat(rows(url(node, "postgres"), colocation)).isEqualTo(rows(admin, colocation));
        }
    }

    @Test
    @Order(2)
    void everyNodeAnswersEveryService() throws SQLException {
        for (int node = 0; node < 3; node++) {
            assertThat(rows(url(node, "userservice"), "SELECT id, name FROM users ORDER BY id")).containsExactly(
                    "1|John Doe", "2|Jane Smith", "3|Mike Johnson", "4|Emily Davis");
            assertThat(rows(url(node, "timeservice"), "SELECT id, host(ip_address) FROM query_details"))
                    .containsExactly("1|127.0.0.1");
            assertThat(rows(url(node, "pingservice"), "SELECT host, result FROM ping_results"))
                    .containsExactly("example.com|ok");
            assertThat(rows(url(node, "postgres"), "SELECT count(*) FROM userservice.users u"
                    + " JOIN userservice.users v ON u.id = v.id WHERE u.id > 1")).containsExactly("3");
            assertThat(rows(url(node, "userservice"), "WITH c AS (SELECT id, name FROM users)"
                    + " SELECT name, row_number() OVER (ORDER BY id DESC) FROM c WHERE id IN"
                    + " (SELECT id FROM users WHERE id < 3) ORDER BY 2")).containsExactly("Jane Smith|1", "John Doe|2");
        }
    }

    @Test
    @Order(3)
    void schemasMadeDistributedByTheSetting() throws SQLException {
        String admin = url(0, "postgres");
        List<String> statements = new ArrayList<>();
        statements.add("SET citus.enable_schema_based_sharding TO on");
        for (String s : List.of("tenant_a", "tenant_b", "tenant_c")) {
            statements.add("CREATE SCHEMA " + s);
            statements.add("CREATE TABLE " + s + ".items (id bigserial PRIMARY KEY, v text)");
            statements.add("CREATE TABLE " + s + ".notes (id bigint REFERENCES " + s + ".items (id), n text)");
            statements.add("INSERT INTO " + s + ".items (v) VALUES ('" + s + "')");
            statements.add("INSERT INTO " + s + ".notes SELECT id, v FROM " + s + ".items");
        }
        for (String sql : statements) {
            try (var c = java.sql.DriverManager.getConnection(admin); var st = c.createStatement()) {
                st.execute(statements.getFirst());
                st.execute(sql);
            }
        }
        assertThat(rows(admin, "SELECT schema_name, colocation_id FROM citus_schemas WHERE schema_name::text LIKE 'tenant%'"))
                .containsExactly("tenant_a|4", "tenant_b|5", "tenant_c|6");
        List<String> ports = workerPorts();
        assertThat(rows(admin, "SELECT DISTINCT colocation_id, nodeport FROM citus_shards WHERE colocation_id > 3"
                + " ORDER BY 1")).containsExactly("4|" + ports.get(0), "5|" + ports.get(1), "6|" + ports.get(0));
        for (int node = 0; node < 3; node++) {
            assertThat(rows(url(node, "postgres"), "SELECT i.v, n.n FROM tenant_b.items i JOIN tenant_b.notes n"
                    + " USING (id)")).containsExactly("tenant_b|tenant_b");
        }
    }

    @Test
    @Order(4)
    void preparedStatementsFollowTheSearchPathAndTransactionsMixStatements() throws SQLException {
        for (int node : new int[] {0, 1}) {
            try (var c = java.sql.DriverManager.getConnection(url(node, "postgres"));
                 var st = c.createStatement()) {
                st.execute("SET search_path TO tenant_a");
                try (var ps = c.prepareStatement("SELECT v FROM items WHERE id = ?")) {
                    for (int i = 0; i < 6; i++) {
                        st.execute("SET search_path TO " + (i % 2 == 0 ? "tenant_a" : "tenant_b"));
                        ps.setLong(1, 1);
                        try (var r = ps.executeQuery()) {
                            assertThat(r.next()).isTrue();
                            assertThat(r.getString(1)).isEqualTo(i % 2 == 0 ? "tenant_a" : "tenant_b");
                        }
                    }
                }
            }
        }
        try (var c = java.sql.DriverManager.getConnection(url(0, "postgres")); var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET search_path TO tenant_b");
            try (var r = st.executeQuery("INSERT INTO items (v) VALUES ('second') RETURNING id")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).isEqualTo(2);
            }
            st.execute("INSERT INTO notes VALUES (2, 'n2')");
            st.execute("UPDATE items SET v = v || '!' WHERE id = 2");
            try (var r = st.executeQuery("SELECT i.v, n.n FROM items i JOIN notes n USING (id) WHERE id = 2")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1) + "|" + r.getString(2)).isEqualTo("second!|n2");
            }
            c.rollback();
        }
        assertThat(rows(url(2, "postgres"), "SELECT count(*) FROM tenant_b.items")).containsExactly("1");
        List<String> across;
        try {
            across = rows(url(0, "postgres"), "SELECT a.v, b.v FROM tenant_a.items a JOIN tenant_b.items b USING (id)");
        } catch (SQLException e) {
            across = List.of(e.getSQLState());
        }
        assertThat(across).isIn(List.of("tenant_a|tenant_b"), List.of("0A000"));
    }

    @Test
    @Order(5)
    void dropSchemaCascadeCleansEveryNode() throws SQLException {
        String admin = url(0, "postgres");
        String shard = rows(admin, "SELECT shardid FROM pg_dist_shard WHERE logicalrelid = 'tenant_c.items'::regclass")
                .getFirst();
        execute(admin, "DROP SCHEMA tenant_c CASCADE");
        for (int node = 0; node < 3; node++) {
            String u = url(node, "postgres");
            assertThat(rows(u, "SELECT count(*) FROM pg_dist_schema WHERE colocationid = 6")).containsExactly("0");
            assertThat(rows(u, "SELECT count(*) FROM pg_dist_colocation WHERE colocationid = 6")).containsExactly("0");
            assertThat(rows(u, "SELECT count(*) FROM pg_dist_shard WHERE shardid = " + shard)).containsExactly("0");
            assertThat(rows(u, "SELECT count(*) FROM pg_class WHERE relname = 'items_" + shard + "'"))
                    .containsExactly("0");
        }
    }
}
