package io.shale.server;

import io.shale.engine.Engine;
import io.shale.engine.EngineConfig;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import io.shale.wire.AuthRule;
import io.shale.wire.PgServer;
import io.shale.wire.WireConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Roles made with CREATE ROLE … PASSWORD log in with SCRAM-SHA-256 and md5 rules as in
 * pg_hba.conf; a wrong password is 28P01.
 */
@Timeout(60)
class PasswordLoginIT {

    @Test
    void rolesLogInWithTheirPasswords() throws Exception {
        List<AuthRule> rules = List.of(AuthRule.parse("all postgres all trust"),
                AuthRule.parse("all md5user all md5"), AuthRule.parse("all all all scram-sha-256"));
        try (MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults());
             Engine engine = new Engine(EngineConfig.defaults(), store);
             PgServer server = new PgServer(WireConfig.defaults(0).withAuthRules(rules), engine)) {
            int port = server.start();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            try (Connection admin = DriverManager.getConnection(url + "?user=postgres");
                 Statement s = admin.createStatement()) {
                s.execute("CREATE ROLE app LOGIN PASSWORD 's3cret'");
                s.execute("CREATE USER md5user PASSWORD 'other'");
                s.execute("CREATE ROLE nologin PASSWORD 'x'");
                s.execute("CREATE ROLE unicode LOGIN PASSWORD 'pässwörd'");
            }
            try (Connection app = DriverManager.getConnection(url + "?user=app&password=s3cret");
                 Statement s = app.createStatement();
                 ResultSet r = s.executeQuery("SELECT current_user")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("app");
            }
            java.util.Properties unicode = new java.util.Properties();
            unicode.setProperty("user", "unicode");
            unicode.setProperty("password", "pässwörd");
            try (Connection c = DriverManager.getConnection(url, unicode)) {
                assertThat(c.isValid(5)).isTrue();
            }
            try (Connection md5 = DriverManager.getConnection(url + "?user=md5user&password=other")) {
                assertThat(md5.isValid(5)).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=app&password=wrong"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
            assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=nologin&password=x"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        }
    }
}
