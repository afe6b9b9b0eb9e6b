package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node stopped and started again on its data directory keeps every object, row and sequence position. */
@Timeout(120)
class NodeRestartIT {
    @TempDir
    Path data;

    private Node start(Map<String, String> settings) {
        Node node = new Node(NodeConfig.defaults(data).withPort(0).withSettings(settings), new PgWireAssembly());
        node.start();
        return node;
    }

    private static Connection connect(Node node) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port() + "/postgres?user=postgres");
    }

    @Test
    void objectsRowsRolesAndSequencesSurviveARestart() throws SQLException {
        long lastSequenceValue;
        try (Node node = start(Map.of()); Connection c = connect(node); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE app LOGIN");
            s.execute("CREATE SCHEMA shop");
            s.execute("CREATE TYPE shop.state AS ENUM ('new', 'paid')");
            s.execute("CREATE TABLE shop.customer (id serial PRIMARY KEY, email text UNIQUE NOT NULL)");
            s.execute("CREATE TABLE shop.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "customer int REFERENCES shop.customer, state shop.state DEFAULT 'new', total numeric(10,2))");
            s.execute("CREATE INDEX orders_customer ON shop.orders (customer)");
            s.execute("CREATE SEQUENCE shop.ticket INCREMENT 5");
            s.execute("CREATE VIEW shop.paid AS SELECT id, total FROM shop.orders WHERE state = 'paid'");
            s.execute("INSERT INTO shop.customer (email) SELECT 'c' || i || '@x' FROM generate_series(1, 100) i");
            s.execute("INSERT INTO shop.orders (customer, state, total) SELECT 1 + i % 100, "
                    + "CASE WHEN i % 2 = 0 THEN 'paid' ELSE 'new' END::shop.state, i FROM generate_series(1, 1000) i");
            s.execute("CREATE TABLE scratch (a int)");
            s.execute("INSERT INTO scratch VALUES (1)");
            s.execute("DROP TABLE scratch");
            lastSequenceValue = 0;
            for (int i = 0; i < 10; i++) {
                lastSequenceValue = value(s, "SELECT nextval('shop.ticket')");
            }
        }
        try (Node node = start(Map.of()); Connection c = connect(node); Statement s = c.createStatement()) {
            assertThat(value(s, "SELECT count(*) FROM shop.customer")).isEqualTo(100);
            assertThat(value(s, "SELECT count(*) FROM shop.paid")).isEqualTo(500);
            assertThat(value(s, "SELECT sum(total) FROM shop.orders WHERE customer = 7")).isEqualTo(sumFor(7));
            assertThat(value(s, "SELECT count(*) FROM pg_roles WHERE rolname = 'app' AND rolcanlogin")).isEqualTo(1);
            assertThat(value(s, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'shop'")).isEqualTo(4);
            assertThat(value(s, "SELECT count(*) FROM pg_class WHERE relname = 'scratch'")).isZero();
            // a clean stop keeps the exact positions, as PostgreSQL's shutdown checkpoint does
            assertThat(value(s, "SELECT nextval('shop.ticket')")).isEqualTo(lastSequenceValue + 5);
            assertThat(value(s, "INSERT INTO shop.customer (email) VALUES ('new@x') RETURNING id")).isEqualTo(101);
            assertThat(value(s, "INSERT INTO shop.orders (customer) VALUES (1) RETURNING id")).isEqualTo(1001);
            assertThatThrownBy(() -> s.execute("INSERT INTO shop.customer (email) VALUES ('c1@x')"))
                    .hasMessageContaining("customer_email_key");
            s.execute("TRUNCATE shop.orders");
            s.execute("ALTER TABLE shop.customer ADD COLUMN name text DEFAULT 'n'");
        }
        try (Node node = start(Map.of("fsync", "off", "synchronous_commit", "off")); Connection c = connect(node);
             Statement s = c.createStatement()) {
            assertThat(text(s, "SHOW fsync") + text(s, "SHOW synchronous_commit")).isEqualTo("offoff");
            assertThat(value(s, "SELECT count(*) FROM shop.orders")).isZero();
            assertThat(value(s, "SELECT count(*) FROM shop.customer WHERE name = 'n'")).isEqualTo(101);
        }
    }

    @Test
    void anInMemoryNodeForgetsEverything() throws SQLException {
        Map<String, String> inMemory = Map.of(StoreSettings.IN_MEMORY, "on");
        try (Node node = start(inMemory); Connection c = connect(node); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a int)");
        }
        try (Node node = start(inMemory); Connection c = connect(node); Statement s = c.createStatement()) {
            assertThat(value(s, "SELECT count(*) FROM pg_class WHERE relname = 't'")).isZero();
        }
        assertThat(data.resolve(PgWireAssembly.STORE_DIRECTORY)).doesNotExist();
    }

    private static long sumFor(int customer) {
        long sum = 0;
        for (int i = 1; i <= 1000; i++) {
            if (1 + i % 100 == customer) {
                sum += i;
            }
        }
        return sum;
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }

    static long value(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getLong(1));
            }
            assertThat(values).as(sql).hasSize(1);
            return values.getFirst();
        }
    }
}
