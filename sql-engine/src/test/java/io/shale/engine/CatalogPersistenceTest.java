package io.shale.engine;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogCodec;
import io.shale.engine.exec.KeyBytes;
import io.shale.storage.KeyCursor;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.memory.MemoryKeyValueStore;
import io.shale.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog and the sequences live in the store: a new engine over the same store (as after a
 * restart or a crash: the old engine is simply abandoned) sees every committed object and datum.
 */
@Timeout(60)
class CatalogPersistenceTest {
    private final MemoryKeyValueStore store = new MemoryKeyValueStore(MemoryStoreConfig.defaults());
    private final List<Engine> engines = new ArrayList<>();

    private SqlSession restart() {
        Engine engine = new Engine(EngineConfig.defaults(), store);
        engines.add(engine);
        return new SqlSession(engine);
    }

    @AfterEach
    void close() {
        for (Engine e : engines) {
            e.close();
        }
        store.close();
    }

    @Test
    void objectsDataAndRolesSurviveARestart() {
        SqlSession sql = restart();
        sql.execute("CREATE ROLE alice LOGIN PASSWORD 'secret'");
        sql.execute("CREATE SCHEMA app");
        sql.execute("CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy')");
        sql.execute("CREATE TABLE app.item (id serial PRIMARY KEY, code text UNIQUE, mood app.mood DEFAULT 'ok', qty int DEFAULT 1 CHECK (qty >= 0))");
        sql.execute("CREATE INDEX item_qty ON app.item (qty DESC)");
        sql.execute("CREATE TABLE app.part (id bigint GENERATED ALWAYS AS IDENTITY, item int REFERENCES app.item (id))");
        sql.execute("CREATE VIEW app.happy AS SELECT code FROM app.item WHERE mood = 'happy'");
        sql.execute("COMMENT ON TABLE app.item IS 'things'");
        sql.execute("INSERT INTO app.item (code, mood, qty) VALUES ('a', 'happy', 3), ('b', 'sad', 5)");
        sql.execute("INSERT INTO app.part (item) VALUES (1), (2)");

        SqlSession after = restart();
        assertThat(after.query("SELECT id, code, mood, qty FROM app.item ORDER BY id"))
                .containsExactly(List.of("1", "a", "happy", "3"), List.of("2", "b", "sad", "5"));
        assertThat(after.value("SELECT code FROM app.happy")).isEqualTo("a");
        assertThat(after.value("SELECT obj_description('app.item'::regclass, 'pg_class')")).isEqualTo("things");
        assertThat(after.value("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'alice'")).isEqualTo("t");
        assertThat(after.value("SELECT count(*) FROM pg_indexes WHERE schemaname = 'app'")).isEqualTo("3");
        assertThat(after.error("INSERT INTO app.item (code) VALUES ('a')")).startsWith("23505");
        assertThat(after.error("INSERT INTO app.part (item) VALUES (9)")).startsWith("23503");
        assertThat(after.error("UPDATE app.item SET qty = -1")).startsWith("23514");
        assertThat(Long.parseLong(after.value("INSERT INTO app.item (code) VALUES ('c') RETURNING id"))).isGreaterThan(2);
        assertThat(after.value("SELECT mood FROM app.item WHERE code = 'c'")).isEqualTo("ok");
        // as PostgreSQL 15 prints it with app outside the search_path
        assertThat(after.value("SELECT column_default FROM information_schema.columns"
                + " WHERE table_name = 'item' AND column_name = 'mood'")).isEqualTo("'ok'::app.mood");
        assertThat(Long.parseLong(after.value("INSERT INTO app.part (item) VALUES (1) RETURNING id"))).isGreaterThan(2);
    }

    @Test
    void uncommittedAndRolledBackDdlLeaveNoTrace() {
        SqlSession sql = restart();
        sql.execute("CREATE TABLE kept (a int)");
        sql.execute("BEGIN");
        sql.execute("CREATE TABLE rolled_back (a int)");
        sql.execute("ROLLBACK");
        sql.execute("BEGIN");
        sql.execute("DROP TABLE kept");
        sql.execute("CREATE TABLE open_at_crash (a int)");
        sql.execute("INSERT INTO open_at_crash VALUES (1)");

        SqlSession after = restart();
        assertThat(after.value("SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 2200"))
                .isEqualTo("kept");
        after.execute("INSERT INTO kept VALUES (1)");
        assertThat(after.value("SELECT count(*) FROM kept")).isEqualTo("1");
    }

    @Test
    void sequencesNeverRepeatAValueAfterARestart() {
        SqlSession sql = restart();
        sql.execute("CREATE SEQUENCE s");
        sql.execute("CREATE TABLE t (id serial, v text)");
        long last = 0;
        for (int i = 0; i < 40; i++) {
            last = Long.parseLong(sql.value("SELECT nextval('s')"));
        }
        sql.execute("INSERT INTO t (v) VALUES ('x'), ('y')");

        SqlSession after = restart();
        assertThat(Long.parseLong(after.value("SELECT nextval('s')"))).isGreaterThan(last).isLessThanOrEqualTo(last + 1 + SequenceValues.LOG_AHEAD);
        assertThat(Long.parseLong(after.value("INSERT INTO t (v) VALUES ('z') RETURNING id"))).isGreaterThan(2);
        after.execute("SELECT setval('s', 100)");
        SqlSession third = restart();
        assertThat(third.value("SELECT nextval('s')")).isEqualTo("101");
        third.execute("SELECT setval('s', 7, false)");
        assertThat(restart().value("SELECT nextval('s')")).isEqualTo("7");
        restart().execute("ALTER SEQUENCE s RESTART WITH 50");
        assertThat(restart().value("SELECT nextval('s')")).isEqualTo("50");
    }

    @Test
    void aSequenceOfARolledBackTransactionDoesNotHauntItsOid() {
        SqlSession sql = restart();
        sql.execute("BEGIN");
        sql.execute("CREATE SEQUENCE gone");
        sql.execute("SELECT nextval('gone'), nextval('gone'), nextval('gone')");
        sql.execute("ROLLBACK");
        sql.execute("CREATE SEQUENCE fresh");
        assertThat(sql.value("SELECT nextval('fresh')")).isEqualTo("1");
        sql.execute("BEGIN");
        sql.execute("SAVEPOINT a");
        sql.execute("CREATE SEQUENCE gone_too");
        sql.execute("SELECT nextval('gone_too')");
        sql.execute("ROLLBACK TO SAVEPOINT a");
        sql.execute("CREATE SEQUENCE fresh_too");
        sql.execute("COMMIT");
        assertThat(sql.value("SELECT nextval('fresh_too')")).isEqualTo("1");
        assertThat(restart().value("SELECT nextval('fresh')")).isEqualTo(String.valueOf(2 + SequenceValues.LOG_AHEAD));
    }

    @Test
    void truncatedAndDroppedDataIsFreedAfterCommitAndAtStartup() {
        SqlSession sql = restart();
        sql.execute("CREATE TABLE t (a int PRIMARY KEY)");
        sql.execute("INSERT INTO t SELECT generate_series(1, 10)");
        long oldId = storageIdOf(sql, "t");
        sql.execute("BEGIN");
        sql.execute("TRUNCATE t");
        assertThat(keysIn(oldId)).as("the old rows stay until the TRUNCATE commits").isEqualTo(10);
        sql.execute("COMMIT");
        assertThat(keysIn(oldId)).isZero();

        sql.execute("CREATE TABLE dropped (a int)");
        long droppedId = storageIdOf(sql, "dropped");
        sql.execute("DROP TABLE dropped");
        Transaction txn = store.begin(TransactionOptions.defaults());
        txn.put(KeyBytes.ofLong(droppedId).appendLong(1).toArray(), new byte[] {1});
        txn.commit();
        restart();
        assertThat(keysIn(droppedId)).as("a range left behind by a crash after DROP is freed at startup").isZero();
    }

    @Test
    void catalogsMadeByDdlRoundTripThroughTheCodec() {
        SqlSession sql = restart();
        sql.execute("CREATE SCHEMA s");
        sql.execute("CREATE TYPE s.e AS ENUM ('x', 'y')");
        sql.execute("CREATE TABLE s.t (a int PRIMARY KEY, b text NOT NULL DEFAULT 'q', c s.e, d numeric(10,2), "
                + "e varchar(20)[], f bigint GENERATED BY DEFAULT AS IDENTITY) "
                + "WITH (fillfactor = 70)");
        sql.execute("CREATE UNIQUE INDEX t_b ON s.t (b DESC NULLS LAST) INCLUDE (d)");
        sql.execute("ALTER TABLE s.t DROP COLUMN e");
        sql.execute("CREATE TABLE s.u (a int REFERENCES s.t ON DELETE CASCADE)");
        sql.execute("CREATE VIEW s.v AS SELECT a, b FROM s.t");
        sql.execute("CREATE ROLE r");
        sql.execute("COMMENT ON COLUMN s.t.b IS 'bee'");
        sql.execute("CREATE DATABASE other");
        Catalog catalog = engines.getLast().catalog();
        byte[] bytes = CatalogCodec.encode(catalog);
        Catalog decoded = CatalogCodec.decode(bytes);
        assertThat(CatalogCodec.encode(decoded)).isEqualTo(bytes);
        int postgres = catalog.database("postgres").oid();
        assertThat(decoded.objects(postgres).relations()).containsExactlyInAnyOrderElementsOf(catalog.objects(postgres).relations());
        assertThat(decoded.objects(postgres).constraints()).containsExactlyInAnyOrderElementsOf(catalog.objects(postgres).constraints());
        assertThat(decoded.memberships()).isEqualTo(catalog.memberships());
        assertThat(restart().value("SELECT count(*) FROM pg_database WHERE datname = 'other'")).isEqualTo("1");
    }

    private static long storageIdOf(SqlSession sql, String table) {
        Catalog catalog = sql.session instanceof EngineSession s ? s.state.catalog() : null;
        return ((io.shale.catalog.Table) catalog.objects(catalog.database("postgres").oid())
                .relation(Catalog.PUBLIC_NAMESPACE, table)).storageId();
    }

    private int keysIn(long storageId) {
        Transaction txn = store.begin(TransactionOptions.defaults());
        int n = 0;
        try (KeyCursor cursor = txn.scan(KeyBytes.ofLong(storageId).toArray(), KeyBytes.ofLong(storageId + 1).toArray(), false)) {
            while (cursor.next()) {
                n++;
            }
        } finally {
            txn.rollback();
        }
        return n;
    }
}
