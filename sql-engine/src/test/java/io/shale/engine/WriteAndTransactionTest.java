package io.shale.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DML with constraints, transactions and savepoints, DDL in transactions, COPY and prepared statements. */
@Timeout(60)
class WriteAndTransactionTest {
    private EngineFixture fixture;
    private SqlSession sql;

    @BeforeEach
    void open() {
        fixture = new EngineFixture();
        sql = fixture.session();
        sql.execute("CREATE TABLE item (id serial PRIMARY KEY, code text UNIQUE, qty int NOT NULL DEFAULT 1 CHECK (qty >= 0))");
    }

    @AfterEach
    void close() {
        sql.close();
        fixture.close();
    }

    @Test
    void insertWithDefaultsSerialAndReturning() {
        assertThat(sql.query("INSERT INTO item (code) VALUES ('a'), ('b') RETURNING id, qty"))
                .containsExactly(List.of("1", "1"), List.of("2", "1"));
        assertThat(sql.execute("INSERT INTO item (code, qty) VALUES ('c', 5)")).isEqualTo("INSERT 0 1");
        assertThat(sql.value("SELECT sum(qty) FROM item")).isEqualTo("7");
    }

    @Test
    void constraintsAreEnforcedWithPostgresErrors() {
        sql.execute("INSERT INTO item (code) VALUES ('a')");
        assertThat(sql.error("INSERT INTO item (code) VALUES ('a')")).isEqualTo(
                "23505: duplicate key value violates unique constraint \"item_code_key\"");
        assertThat(sql.error("INSERT INTO item (code, qty) VALUES ('z', -1)")).isEqualTo(
                "23514: new row for relation \"item\" violates check constraint \"item_qty_check\"");
        assertThat(sql.error("INSERT INTO item (code, qty) VALUES ('z', NULL)")).startsWith("23502");
        sql.execute("CREATE TABLE child (id int PRIMARY KEY, item_id int REFERENCES item (id))");
        assertThat(sql.error("INSERT INTO child VALUES (1, 42)")).isEqualTo(
                "23503: insert or update on table \"child\" violates foreign key constraint \"child_item_id_fkey\"");
        sql.execute("INSERT INTO child VALUES (1, 1)");
        assertThat(sql.error("DELETE FROM item WHERE id = 1")).startsWith("23503: update or delete on table \"item\"");
    }

    @Test
    void onConflictDoNothingAndDoUpdate() {
        sql.execute("INSERT INTO item (code, qty) VALUES ('a', 1)");
        assertThat(sql.execute("INSERT INTO item (code) VALUES ('a') ON CONFLICT DO NOTHING")).isEqualTo("INSERT 0 0");
        assertThat(sql.query("INSERT INTO item (code, qty) VALUES ('a', 7) ON CONFLICT (code) DO UPDATE "
                + "SET qty = item.qty + excluded.qty RETURNING qty")).containsExactly(List.of("8"));
    }

    @Test
    void updateAndDeleteWithFromAndUsing() {
        sql.execute("INSERT INTO item (code, qty) VALUES ('a', 1), ('b', 2), ('c', 3)");
        sql.execute("CREATE TABLE bump (code text, delta int)");
        sql.execute("INSERT INTO bump VALUES ('a', 10), ('c', 30)");
        assertThat(sql.execute("UPDATE item SET qty = qty + b.delta FROM bump b WHERE b.code = item.code")).isEqualTo("UPDATE 2");
        assertThat(sql.query("SELECT code, qty FROM item ORDER BY code"))
                .containsExactly(List.of("a", "11"), List.of("b", "2"), List.of("c", "33"));
        assertThat(sql.execute("DELETE FROM item USING bump WHERE bump.code = item.code")).isEqualTo("DELETE 2");
    }

    @Test
    void transactionsSavepointsAndFailedBlocks() {
        sql.execute("BEGIN");
        sql.execute("INSERT INTO item (code) VALUES ('a')");
        sql.execute("SAVEPOINT s");
        sql.execute("INSERT INTO item (code) VALUES ('b')");
        assertThat(sql.error("INSERT INTO item (code) VALUES ('b')")).startsWith("23505");
        assertThat(sql.session.transactionStatus()).isEqualTo('E');
        assertThat(sql.error("SELECT 1")).startsWith("25P02: current transaction is aborted");
        sql.execute("ROLLBACK TO SAVEPOINT s");
        assertThat(sql.session.transactionStatus()).isEqualTo('T');
        sql.execute("COMMIT");
        assertThat(sql.query("SELECT code FROM item")).containsExactly(List.of("a"));
    }

    @Test
    void anotherSessionSeesOnlyCommittedWork() {
        try (SqlSession other = fixture.session()) {
            sql.execute("BEGIN");
            sql.execute("INSERT INTO item (code) VALUES ('a')");
            assertThat(other.value("SELECT count(*) FROM item")).isEqualTo("0");
            sql.execute("COMMIT");
            assertThat(other.value("SELECT count(*) FROM item")).isEqualTo("1");
        }
    }

    @Test
    void ddlIsTransactional() {
        sql.execute("BEGIN");
        sql.execute("CREATE TABLE t2 (a int)");
        sql.execute("INSERT INTO t2 VALUES (1)");
        sql.execute("ROLLBACK");
        assertThat(sql.error("SELECT * FROM t2")).startsWith("42P01");
        sql.execute("INSERT INTO item (code) VALUES ('a')");
        sql.execute("BEGIN");
        sql.execute("TRUNCATE item");
        assertThat(sql.value("SELECT count(*) FROM item")).isEqualTo("0");
        sql.execute("ROLLBACK");
        assertThat(sql.value("SELECT count(*) FROM item")).isEqualTo("1");
    }

    @Test
    void alterTableAddsColumnsAndPrimaryKeys() {
        sql.execute("CREATE TABLE acc (aid int NOT NULL, bal int)");
        sql.execute("INSERT INTO acc VALUES (1, 10), (2, 20)");
        sql.execute("ALTER TABLE acc ADD PRIMARY KEY (aid)");
        sql.execute("ALTER TABLE acc ADD COLUMN note text DEFAULT 'x'");
        assertThat(sql.query("SELECT aid, note FROM acc WHERE aid = 2")).containsExactly(List.of("2", "x"));
        assertThat(sql.error("INSERT INTO acc VALUES (1, 0)")).startsWith("23505: duplicate key value violates unique constraint \"acc_pkey\"");
        sql.execute("ALTER TABLE acc DROP COLUMN bal");
        assertThat(sql.query("SELECT * FROM acc WHERE aid = 1")).containsExactly(List.of("1", "x"));
    }

    @Test
    void copyInAndOut() {
        sql.copyInput.add("1\tx\t3\n2\t\\N\t4\n\\.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sql.execute("COPY item (id, code, qty) FROM STDIN")).isEqualTo("COPY 2");
        assertThat(sql.execute("COPY item TO STDOUT WITH (FORMAT csv, HEADER)")).isEqualTo("COPY 2");
        assertThat(String.join("", sql.copyOutput)).isEqualTo("id,code,qty\n1,x,3\n2,,4\n");
    }

    @Test
    void extendedProtocolWithParametersAndRowLimits() {
        sql.execute("INSERT INTO item (code, qty) VALUES ('a', 1), ('b', 2), ('c', 3)");
        var description = sql.session.parse("s1", "SELECT code FROM item WHERE qty >= $1 ORDER BY code", new int[0]);
        assertThat(description.parameterTypes()).containsExactly(23);
        sql.session.bind("p", "s1", new Object[] {2}, new short[0]);
        SqlSession.Collector first = sql.new Collector();
        first.columns = sql.session.describePortal("p");
        sql.session.execute("p", 1, first);
        assertThat(first.suspended).isTrue();
        assertThat(first.rows).containsExactly(List.of("b"));
        SqlSession.Collector rest = sql.new Collector();
        rest.columns = first.columns;
        sql.session.execute("p", 0, rest);
        assertThat(rest.rows).containsExactly(List.of("c"));
        assertThat(rest.tag).isEqualTo("SELECT 2");
        sql.session.sync();
    }

    @Test
    void preparedPlansFollowCatalogChanges() {
        sql.execute("PREPARE q AS SELECT count(*) FROM item");
        assertThat(sql.value("EXECUTE q")).isEqualTo("0");
        sql.execute("ALTER TABLE item ADD COLUMN extra int");
        sql.execute("INSERT INTO item (code, extra) VALUES ('a', 1)");
        assertThat(sql.value("EXECUTE q")).isEqualTo("1");
        sql.execute("DEALLOCATE q");
        assertThat(sql.error("EXECUTE q")).startsWith("26000");
    }

    @Test
    void settingsAndShow() {
        sql.execute("SET search_path TO nosuch, public");
        assertThat(sql.value("SHOW search_path")).isEqualTo("nosuch, public");
        assertThat(sql.value("SELECT current_schema()")).isEqualTo("public");
        sql.execute("BEGIN");
        sql.execute("SET LOCAL statement_timeout = '5s'");
        assertThat(sql.value("SHOW statement_timeout")).isEqualTo("5s");
        sql.execute("COMMIT");
        assertThat(sql.value("SHOW statement_timeout")).isEqualTo("0");
        assertThat(sql.error("SET nosuch = 1")).startsWith("42704");
    }

    @Test
    void backendPidAndTransactionIds() {
        assertThat(sql.value("SELECT count(*) FROM pg_stat_activity WHERE pid = pg_backend_pid()")).isEqualTo("1");
        sql.execute("BEGIN");
        String first = sql.value("SELECT txid_current()");
        assertThat(sql.value("SELECT txid_current()")).isEqualTo(first);
        sql.execute("COMMIT");
        assertThat(sql.value("SELECT txid_current()")).isNotEqualTo(first);
    }
}
