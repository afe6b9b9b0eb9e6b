package io.shale.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SELECT … FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE: what is locked, NOWAIT, SKIP LOCKED, and the
 * combinations PostgreSQL 15 refuses (messages taken from it). Blocking cases are isolation schedules.
 */
@Timeout(30)
class RowLockingTest {
    private EngineFixture fixture;
    private SqlSession s1;
    private SqlSession s2;

    @BeforeEach
    void open() {
        fixture = new EngineFixture();
        s1 = fixture.session();
        s2 = fixture.session();
        s1.execute("CREATE TABLE t (id int PRIMARY KEY, v int)");
        s1.execute("INSERT INTO t VALUES (1, 1), (2, 2), (3, 3)");
        s1.execute("CREATE TABLE u (id int PRIMARY KEY, t_id int)");
        s1.execute("INSERT INTO u VALUES (10, 1), (20, 2)");
    }

    @AfterEach
    void close() {
        s1.close();
        s2.close();
        fixture.close();
    }

    @Test
    void lockedRowsRefuseNowaitAndAreSkippedBySkipLocked() {
        s1.execute("BEGIN");
        assertThat(s1.query("SELECT id, v FROM t WHERE id = 1 FOR UPDATE")).containsExactly(List.of("1", "1"));
        assertThat(s2.error("SELECT * FROM t WHERE id = 1 FOR UPDATE NOWAIT"))
                .isEqualTo("55P03: could not obtain lock on row in relation \"t\"");
        assertThat(s2.error("SELECT * FROM t FOR SHARE NOWAIT"))
                .isEqualTo("55P03: could not obtain lock on row in relation \"t\"");
        assertThat(s2.query("SELECT id FROM t ORDER BY id FOR UPDATE SKIP LOCKED"))
                .containsExactly(List.of("2"), List.of("3"));
        assertThat(s2.query("SELECT id FROM t ORDER BY id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED"))
                .containsExactly(List.of("2"));
        s1.execute("COMMIT");
        assertThat(s2.query("SELECT id FROM t WHERE id = 1 FOR UPDATE NOWAIT")).containsExactly(List.of("1"));
    }

    @Test
    void limitLocksOnlyTheRowsItReturns() {
        s1.execute("BEGIN");
        assertThat(s1.query("SELECT id FROM t ORDER BY id LIMIT 1 FOR UPDATE")).containsExactly(List.of("1"));
        assertThat(s2.query("SELECT id FROM t WHERE id = 2 FOR UPDATE NOWAIT")).containsExactly(List.of("2"));
        assertThat(s2.error("SELECT id FROM t WHERE id = 1 FOR UPDATE NOWAIT")).startsWith("55P03");
        s1.execute("ROLLBACK");
    }

    @Test
    void sharedLocksAreCompatibleAndKeyShareAllowsNonKeyUpdates() {
        s1.execute("BEGIN");
        s1.query("SELECT * FROM t WHERE id = 1 FOR SHARE");
        assertThat(s2.query("SELECT id FROM t WHERE id = 1 FOR SHARE NOWAIT")).containsExactly(List.of("1"));
        assertThat(s2.query("SELECT id FROM t WHERE id = 1 FOR KEY SHARE NOWAIT")).containsExactly(List.of("1"));
        assertThat(s2.error("SELECT id FROM t WHERE id = 1 FOR NO KEY UPDATE NOWAIT")).startsWith("55P03");
        s1.execute("COMMIT");
        s1.execute("BEGIN");
        s1.query("SELECT * FROM t WHERE id = 1 FOR KEY SHARE");
        assertThat(s2.query("SELECT id FROM t WHERE id = 1 FOR NO KEY UPDATE NOWAIT")).containsExactly(List.of("1"));
        assertThat(s2.execute("UPDATE t SET v = 7 WHERE id = 1")).isEqualTo("UPDATE 1");
        assertThat(s2.error("SELECT id FROM t WHERE id = 1 FOR UPDATE NOWAIT")).startsWith("55P03");
        s1.execute("COMMIT");
    }

    @Test
    void ofNamesTheLockedTablesOfAJoin() {
        s1.execute("BEGIN");
        assertThat(s1.query("SELECT t.id, u.id FROM t JOIN u ON u.t_id = t.id WHERE t.id = 1 FOR UPDATE OF u"))
                .containsExactly(List.of("1", "10"));
        assertThat(s2.query("SELECT id FROM t WHERE id = 1 FOR UPDATE NOWAIT")).containsExactly(List.of("1"));
        assertThat(s2.error("SELECT id FROM u WHERE id = 10 FOR UPDATE NOWAIT"))
                .isEqualTo("55P03: could not obtain lock on row in relation \"u\"");
        s1.execute("ROLLBACK");
        s1.execute("BEGIN");
        s1.query("SELECT * FROM t a, u FOR SHARE OF a FOR UPDATE OF u NOWAIT");
        assertThat(s2.query("SELECT id FROM t WHERE id = 1 FOR SHARE NOWAIT")).containsExactly(List.of("1"));
        assertThat(s2.error("SELECT id FROM u WHERE id = 10 FOR KEY SHARE NOWAIT")).startsWith("55P03");
        s1.execute("ROLLBACK");
    }

    @Test
    void clausesReachIntoSubqueriesViewsAndCtes() {
        s1.execute("CREATE VIEW tv AS SELECT id, v FROM t WHERE id < 3");
        s1.execute("BEGIN");
        assertThat(s1.query("SELECT id FROM tv WHERE id = 1 FOR UPDATE")).containsExactly(List.of("1"));
        assertThat(s1.query("SELECT s.id FROM (SELECT id FROM t WHERE id = 2) s FOR UPDATE OF s"))
                .containsExactly(List.of("2"));
        assertThat(s1.query("WITH c AS (SELECT id FROM t WHERE id = 3 FOR UPDATE) SELECT id FROM c"))
                .containsExactly(List.of("3"));
        assertThat(s2.query("SELECT id FROM t FOR UPDATE SKIP LOCKED")).isEmpty();
        s1.execute("ROLLBACK");
        s1.execute("BEGIN");
        assertThat(s1.query("SELECT id FROM t WHERE id IN (SELECT t_id FROM u FOR UPDATE) ORDER BY id"))
                .containsExactly(List.of("1"), List.of("2"));
        assertThat(s2.query("SELECT id FROM u FOR UPDATE SKIP LOCKED")).isEmpty();
        assertThat(s2.query("SELECT id FROM t ORDER BY id FOR UPDATE SKIP LOCKED")).hasSize(3);
        s1.execute("ROLLBACK");
    }

    @Test
    void ownLocksAndWritesAreSeen() {
        s1.execute("BEGIN");
        s1.execute("UPDATE t SET v = 10 WHERE id = 1");
        assertThat(s1.query("SELECT id, v FROM t WHERE id = 1 FOR SHARE")).containsExactly(List.of("1", "10"));
        assertThat(s1.query("SELECT id, v FROM t WHERE id = 1 FOR UPDATE")).containsExactly(List.of("1", "10"));
        assertThat(s1.query("SELECT 1 FOR UPDATE")).containsExactly(List.of("1"));
        s1.execute("COMMIT");
    }

    @Test
    void refusedCombinationsAsInPostgres() {
        assertThat(s1.error("SELECT count(*) FROM t FOR UPDATE"))
                .isEqualTo("0A000: FOR UPDATE is not allowed with aggregate functions");
        assertThat(s1.error("SELECT * FROM (SELECT count(*) FROM t) s FOR UPDATE"))
                .isEqualTo("0A000: FOR UPDATE is not allowed with aggregate functions");
        assertThat(s1.error("SELECT id FROM t GROUP BY id FOR SHARE"))
                .isEqualTo("0A000: FOR SHARE is not allowed with GROUP BY clause");
        assertThat(s1.error("SELECT DISTINCT v FROM t FOR UPDATE"))
                .isEqualTo("0A000: FOR UPDATE is not allowed with DISTINCT clause");
        assertThat(s1.error("SELECT * FROM t HAVING true FOR UPDATE"))
                .isEqualTo("0A000: FOR UPDATE is not allowed with HAVING clause");
        assertThat(s1.error("SELECT row_number() OVER () FROM t FOR KEY SHARE"))
                .isEqualTo("0A000: FOR KEY SHARE is not allowed with window functions");
        assertThat(s1.error("SELECT generate_series(1, 2) FROM t FOR UPDATE"))
                .isEqualTo("0A000: FOR UPDATE is not allowed with set-returning functions in the target list");
        assertThat(s1.error("SELECT * FROM t UNION SELECT * FROM t FOR UPDATE"))
                .isEqualTo("0A000: FOR UPDATE is not allowed with UNION/INTERSECT/EXCEPT");
        assertThat(s1.error("VALUES (1) FOR UPDATE")).isEqualTo("0A000: FOR UPDATE cannot be applied to VALUES");
        assertThat(s1.error("SELECT * FROM (VALUES (1)) v FOR UPDATE OF v"))
                .isEqualTo("0A000: FOR UPDATE cannot be applied to VALUES");
        assertThat(s1.query("SELECT * FROM (VALUES (1)) v FOR UPDATE")).containsExactly(List.of("1"));
        assertThat(s1.error("SELECT * FROM t, generate_series(1, 2) g FOR UPDATE OF g"))
                .isEqualTo("0A000: FOR UPDATE cannot be applied to a function");
        assertThat(s1.query("SELECT * FROM t, generate_series(1, 2) g FOR UPDATE")).hasSize(6);
        assertThat(s1.error("WITH c AS (SELECT 1) SELECT * FROM t, c FOR UPDATE OF c"))
                .isEqualTo("0A000: FOR UPDATE cannot be applied to a WITH query");
        assertThat(s1.error("SELECT * FROM t FOR UPDATE OF x"))
                .isEqualTo("42P01: relation \"x\" in FOR UPDATE clause not found in FROM clause");
        assertThat(s1.error("SELECT * FROM t a FOR UPDATE OF t"))
                .isEqualTo("42P01: relation \"t\" in FOR UPDATE clause not found in FROM clause");
        assertThat(s1.error("SELECT * FROM t FOR UPDATE OF public.t"))
                .isEqualTo("42601: FOR UPDATE must specify unqualified relation names");
        assertThat(s1.error("SELECT * FROM t LEFT JOIN u ON true FOR UPDATE"))
                .isEqualTo("0A000: FOR UPDATE cannot be applied to the nullable side of an outer join");
        assertThat(s1.query("SELECT * FROM t LEFT JOIN u ON u.t_id = t.id FOR UPDATE OF t")).hasSize(3);
        s1.execute("BEGIN READ ONLY");
        assertThat(s1.error("SELECT * FROM t FOR SHARE"))
                .isEqualTo("25006: cannot execute SELECT FOR SHARE in a read-only transaction");
        s1.execute("ROLLBACK");
    }

    @Test
    void explainShowsLockRowsBelowLimitAndAboveAnOrderedIndexScan() {
        assertThat(s1.query("EXPLAIN (COSTS OFF) SELECT * FROM t FOR UPDATE").getFirst().getFirst()).isEqualTo("LockRows");
        assertThat(s1.query("EXPLAIN (COSTS OFF) SELECT id FROM t ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"))
                .extracting(List::getFirst)
                .containsExactly("Limit", "  ->  LockRows", "        ->  Index Scan using t_pkey on t");
    }
}
