package io.shale.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Isolation levels: SERIALIZABLE is refused everywhere it can be asked for (never silently weaker), and SET
 * TRANSACTION changes the current transaction before its first query, with PostgreSQL 15's errors after it.
 */
@Timeout(30)
class IsolationLevelTest {
    private static final String REFUSED = "0A000: SERIALIZABLE isolation is not supported yet; use REPEATABLE READ or READ COMMITTED";
    private EngineFixture fixture;
    private SqlSession s1;
    private SqlSession s2;

    @BeforeEach
    void open() {
        fixture = new EngineFixture();
        s1 = fixture.session();
        s2 = fixture.session();
        s1.execute("CREATE TABLE t (id int PRIMARY KEY, v int)");
        s1.execute("INSERT INTO t VALUES (1, 1)");
    }

    @AfterEach
    void close() {
        s1.close();
        s2.close();
        fixture.close();
    }

    @Test
    void serializableIsRefusedWhereverItIsAskedFor() {
        assertThat(s1.error("BEGIN ISOLATION LEVEL SERIALIZABLE")).isEqualTo(REFUSED);
        assertThat(s1.error("START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY")).isEqualTo(REFUSED);
        s1.execute("BEGIN");
        assertThat(s1.error("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")).isEqualTo(REFUSED);
        s1.execute("ROLLBACK");
        assertThat(s1.error("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE")).isEqualTo(REFUSED);
        assertThat(s1.error("SET default_transaction_isolation = 'serializable'")).isEqualTo(REFUSED);
        assertThat(s1.error("SET default_transaction_isolation TO SERIALIZABLE")).isEqualTo(REFUSED);
        assertThat(s1.error("SELECT set_config('default_transaction_isolation', 'serializable', false)")).isEqualTo(REFUSED);
        assertThat(s1.error("SET transaction_isolation = 'serializable'")).isEqualTo(REFUSED);
        assertThat(s1.value("SHOW default_transaction_isolation")).isEqualTo("read committed");
        assertThat(s1.value("SELECT count(*) FROM t")).isEqualTo("1");
    }

    @Test
    void serializableAsANodeDefaultIsRefusedAtStart() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new Engine(
                new EngineConfig(java.util.Map.of("default_transaction_isolation", "serializable")), fixture.store)))
                .hasMessage("SERIALIZABLE isolation is not supported yet; use REPEATABLE READ or READ COMMITTED");
    }

    @Test
    void setTransactionBeforeTheFirstQueryChangesTheTransaction() {
        s1.execute("BEGIN");
        s1.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        assertThat(s1.value("SHOW transaction_isolation")).isEqualTo("repeatable read");
        assertThat(s1.value("SELECT v FROM t")).isEqualTo("1");
        s2.execute("UPDATE t SET v = 2");
        assertThat(s1.value("SELECT v FROM t")).isEqualTo("1");
        assertThat(s1.error("UPDATE t SET v = 3")).startsWith("40001");
        s1.execute("ROLLBACK");
        s1.execute("BEGIN");
        s1.execute("SET transaction_isolation = 'repeatable read'");
        assertThat(s1.value("SELECT v FROM t")).isEqualTo("2");
        s2.execute("UPDATE t SET v = 3");
        assertThat(s1.value("SELECT v FROM t")).isEqualTo("2");
        s1.execute("COMMIT");
        assertThat(s1.value("SHOW transaction_isolation")).isEqualTo("read committed");
    }

    @Test
    void setTransactionAfterAQueryOrOutsideABlockAsInPostgres() {
        s1.execute("BEGIN");
        s1.execute("SELECT 1");
        assertThat(s1.error("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
                .isEqualTo("25001: SET TRANSACTION ISOLATION LEVEL must be called before any query");
        s1.execute("ROLLBACK");
        s1.execute("BEGIN");
        s1.execute("SELECT 1");
        s1.execute("SET TRANSACTION READ ONLY");
        assertThat(s1.error("INSERT INTO t VALUES (2, 2)"))
                .isEqualTo("25006: cannot execute INSERT in a read-only transaction");
        s1.execute("ROLLBACK");
        s1.execute("BEGIN READ ONLY");
        s1.execute("SELECT 1");
        assertThat(s1.error("SET TRANSACTION READ WRITE"))
                .isEqualTo("25001: transaction read-write mode must be set before any query");
        s1.execute("ROLLBACK");
        s1.execute("BEGIN READ ONLY");
        s1.execute("SET TRANSACTION READ WRITE");
        assertThat(s1.execute("INSERT INTO t VALUES (3, 3)")).isEqualTo("INSERT 0 1");
        s1.execute("ROLLBACK");
        s1.notices.clear();
        assertThat(s1.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")).isEqualTo("SET");
        assertThat(s1.notices).extracting(n -> n.message())
                .containsExactly("SET TRANSACTION can only be used in transaction blocks");
        assertThat(s1.query("SHOW transaction_isolation")).containsExactly(List.of("read committed"));
    }
}
