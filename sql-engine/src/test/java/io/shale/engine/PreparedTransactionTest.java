package io.shale.engine;

import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PREPARE TRANSACTION, COMMIT PREPARED, ROLLBACK PREPARED and pg_prepared_xacts, as PostgreSQL 15 answers them. */
@Timeout(30)
class PreparedTransactionTest {
    private MemoryKeyValueStore store;
    private Engine engine;
    private SqlSession s1;
    private SqlSession s2;

    private void start(String maxPrepared) {
        store = new MemoryKeyValueStore(MemoryStoreConfig.defaults());
        engine = new Engine(new EngineConfig(Map.of("max_prepared_transactions", maxPrepared)), store);
        s1 = new SqlSession(engine);
        s2 = new SqlSession(engine);
        s1.execute("CREATE TABLE t (id int PRIMARY KEY, v int)");
    }

    @AfterEach
    void close() {
        s1.close();
        s2.close();
        engine.close();
        store.close();
    }

    @Test
    void disabledByDefaultAsInPostgres() {
        start("0");
        assertThat(s1.value("SHOW max_prepared_transactions")).isEqualTo("0");
        s1.execute("BEGIN");
        s1.execute("INSERT INTO t VALUES (1, 1)");
        assertThat(s1.error("PREPARE TRANSACTION 'x'")).isEqualTo("55000: prepared transactions are disabled");
        assertThat(s1.value("SELECT count(*) FROM t")).isEqualTo("0");
        assertThat(s1.error("COMMIT PREPARED 'x'"))
                .isEqualTo("42704: prepared transaction with identifier \"x\" does not exist");
    }

    @Test
    void preparedWritesStayInvisibleAndLockedUntilCommitPrepared() {
        start("2");
        s1.execute("BEGIN");
        s1.execute("INSERT INTO t VALUES (1, 1)");
        assertThat(s1.execute("PREPARE TRANSACTION 'x'")).isEqualTo("PREPARE TRANSACTION");
        assertThat(s1.query("SELECT gid, owner, database, transaction IS NOT NULL, prepared <= now() "
                + "FROM pg_prepared_xacts")).containsExactly(List.of("x", "postgres", "postgres", "t", "t"));
        assertThat(s1.value("SELECT count(*) FROM t")).isEqualTo("0");
        assertThat(s1.value("SELECT transaction FROM pg_prepared_xacts")).matches("[0-9]+");
        s2.execute("SET lock_timeout = '100ms'");
        assertThat(s2.error("INSERT INTO t VALUES (1, 5)")).isEqualTo("55P03: canceling statement due to lock timeout");
        s1.execute("BEGIN");
        s1.execute("INSERT INTO t VALUES (2, 1)");
        assertThat(s1.error("PREPARE TRANSACTION 'x'")).isEqualTo("42710: transaction identifier \"x\" is already in use");
        assertThat(s1.execute("SELECT 1")).isEqualTo("SELECT 1");
        assertThat(s2.execute("COMMIT PREPARED 'x'")).isEqualTo("COMMIT PREPARED");
        assertThat(s1.query("SELECT id, v FROM t")).containsExactly(List.of("1", "1"));
        assertThat(s1.query("SELECT * FROM pg_prepared_xacts")).isEmpty();
    }

    @Test
    void rollbackPreparedDiscardsTheWrites() {
        start("5");
        s1.execute("INSERT INTO t VALUES (1, 1)");
        s1.execute("BEGIN");
        s1.execute("UPDATE t SET v = 2 WHERE id = 1");
        s1.execute("SAVEPOINT a");
        s1.execute("INSERT INTO t VALUES (2, 2)");
        s1.execute("PREPARE TRANSACTION 'gx'");
        assertThat(s2.error("SELECT * FROM t FOR UPDATE NOWAIT")).startsWith("55P03");
        assertThat(s2.execute("ROLLBACK PREPARED 'gx'")).isEqualTo("ROLLBACK PREPARED");
        assertThat(s2.query("SELECT id, v FROM t FOR UPDATE NOWAIT")).containsExactly(List.of("1", "1"));
    }

    @Test
    void outsideABlockItWarnsAndInAFailedBlockItRollsBack() {
        start("2");
        assertThat(s1.execute("PREPARE TRANSACTION 'x'")).isEqualTo("ROLLBACK");
        assertThat(s1.notices).extracting(n -> n.sqlState() + ": " + n.message())
                .containsExactly("25P01: there is no transaction in progress");
        s1.execute("BEGIN");
        s1.error("SELECT 1 / 0");
        assertThat(s1.execute("PREPARE TRANSACTION 'y'")).isEqualTo("ROLLBACK");
        assertThat(s1.query("SELECT gid FROM pg_prepared_xacts")).isEmpty();
    }

    @Test
    void finishingRulesAndLimits() {
        start("1");
        s1.execute("BEGIN");
        assertThat(s1.error("COMMIT PREPARED 'x'")).isEqualTo("25001: COMMIT PREPARED cannot run inside a transaction block");
        s1.execute("ROLLBACK");
        s1.execute("BEGIN");
        assertThat(s1.error("ROLLBACK PREPARED 'x'"))
                .isEqualTo("25001: ROLLBACK PREPARED cannot run inside a transaction block");
        s1.execute("ROLLBACK");
        assertThat(s1.error("ROLLBACK PREPARED 'x'"))
                .isEqualTo("42704: prepared transaction with identifier \"x\" does not exist");
        s1.execute("BEGIN");
        s1.execute("INSERT INTO t VALUES (1, 1)");
        s1.execute("PREPARE TRANSACTION 'a'");
        s1.execute("BEGIN");
        s1.execute("INSERT INTO t VALUES (2, 1)");
        assertThat(s1.error("PREPARE TRANSACTION 'b'")).isEqualTo("53200: maximum number of prepared transactions reached");
        s1.execute("BEGIN");
        assertThat(s1.error("PREPARE TRANSACTION '" + "g".repeat(200) + "'")).startsWith("22023: transaction identifier");
        s1.execute("COMMIT PREPARED 'a'");
        assertThat(s1.value("SELECT count(*) FROM t")).isEqualTo("1");
        s1.execute("BEGIN");
        s1.execute("CREATE TABLE d (a int)");
        assertThat(s1.error("PREPARE TRANSACTION 'ddl'")).startsWith("0A000");
        assertThat(s1.error("SELECT * FROM d")).startsWith("42P01");
    }
}
