package io.shale.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Privileges and ownership enforced as PostgreSQL 15 does, with its 42501 messages, for sessions of other roles. */
@Timeout(30)
class PrivilegeChecksTest {
    private EngineFixture fixture;
    private SqlSession admin;
    private SqlSession alice;
    private SqlSession bob;

    @BeforeEach
    void setUp() {
        fixture = new EngineFixture();
        admin = fixture.session();
        admin.execute("CREATE ROLE alice LOGIN");
        admin.execute("CREATE ROLE bob LOGIN");
        admin.execute("CREATE ROLE nologin_role");
        admin.execute("CREATE SCHEMA AUTHORIZATION alice");
        admin.execute("CREATE SCHEMA AUTHORIZATION bob");
        admin.execute("CREATE TABLE public.t (id serial PRIMARY KEY, v text)");
        admin.execute("INSERT INTO t (v) VALUES ('a')");
        admin.execute("CREATE SEQUENCE public.s");
        admin.execute("CREATE VIEW public.tv AS SELECT * FROM t");
        alice = new SqlSession(fixture.engine, "alice", "postgres");
        bob = new SqlSession(fixture.engine, "bob", "postgres");
        alice.execute("CREATE TABLE alice.users (id serial PRIMARY KEY, name text)");
        alice.execute("INSERT INTO alice.users (name) VALUES ('x')");
        alice.execute("CREATE VIEW alice.v AS SELECT * FROM alice.users");
        alice.execute("CREATE SEQUENCE alice.seq");
    }

    @AfterEach
    void tearDown() {
        alice.close();
        bob.close();
        admin.close();
        fixture.close();
    }

    @Test
    void dmlOnAnotherRolesTableIsRefused() {
        String denied = "42501: permission denied for table t";
        assertThat(alice.error("SELECT * FROM t")).isEqualTo(denied);
        assertThat(alice.error("SELECT count(*) FROM public.t")).isEqualTo(denied);
        assertThat(alice.error("INSERT INTO t (v) VALUES ('b')")).isEqualTo(denied);
        assertThat(alice.error("UPDATE t SET v = 'c'")).isEqualTo(denied);
        assertThat(alice.error("DELETE FROM t")).isEqualTo(denied);
        assertThat(alice.error("TRUNCATE t")).isEqualTo(denied);
        assertThat(alice.error("SELECT * FROM t FOR UPDATE")).isEqualTo(denied);
        assertThat(alice.error("COPY t TO STDOUT")).isEqualTo(denied);
        assertThat(alice.error("COPY t FROM STDIN")).isEqualTo(denied);
        assertThat(alice.error("EXPLAIN SELECT * FROM t")).isEqualTo(denied);
        assertThat(alice.error("SELECT * FROM tv")).isEqualTo("42501: permission denied for view tv");
        assertThat(alice.error("SELECT * FROM alice.users JOIN t ON true")).isEqualTo(denied);
        assertThat(alice.error("SELECT (SELECT count(*) FROM t)")).isEqualTo(denied);
        assertThat(admin.value("SELECT count(*) FROM t")).isEqualTo("1");
    }

    @Test
    void ownersReadAndWriteTheirOwn() {
        assertThat(alice.value("SELECT name FROM alice.users")).isEqualTo("x");
        assertThat(alice.value("SELECT name FROM users")).isEqualTo("x");
        assertThat(alice.value("SELECT count(*) FROM alice.v")).isEqualTo("1");
        assertThat(alice.execute("UPDATE alice.users SET name = name || 'y' WHERE id = 1")).isEqualTo("UPDATE 1");
        assertThat(alice.value("SELECT nextval('alice.seq')")).isEqualTo("1");
        assertThat(alice.execute("TRUNCATE alice.users")).isEqualTo("TRUNCATE TABLE");
        assertThat(alice.value("SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 'users'")).isEqualTo("1");
        assertThat(alice.value("SELECT count(*) FROM information_schema.tables WHERE table_name = 'users'"))
                .isNotNull();
    }

    @Test
    void schemasWithoutUsageAreRefusedOrSkipped() {
        String denied = "42501: permission denied for schema alice";
        assertThat(bob.error("SELECT * FROM alice.users")).isEqualTo(denied);
        assertThat(bob.error("SELECT * FROM alice.missing")).isEqualTo(denied);
        assertThat(bob.error("SELECT * FROM alice.v")).isEqualTo(denied);
        assertThat(bob.error("INSERT INTO alice.users (name) VALUES ('y')")).isEqualTo(denied);
        assertThat(bob.error("ALTER TABLE alice.users ADD COLUMN c int")).isEqualTo(denied);
        bob.execute("SET search_path = alice, public");
        assertThat(bob.error("SELECT * FROM users")).isEqualTo("42P01: relation \"users\" does not exist");
        assertThat(bob.value("SELECT current_schemas(false)")).isEqualTo("{public}");
    }

    @Test
    void ddlNeedsOwnership() {
        admin.execute("ALTER TABLE t OWNER TO alice");
        assertThat(bob.error("ALTER TABLE t ADD COLUMN c int")).isEqualTo("42501: must be owner of table t");
        assertThat(bob.error("DROP TABLE t")).isEqualTo("42501: must be owner of table t");
        assertThat(bob.error("CREATE INDEX ON t (v)")).isEqualTo("42501: must be owner of table t");
        assertThat(bob.error("ALTER TABLE t RENAME TO t2")).isEqualTo("42501: must be owner of table t");
        assertThat(bob.error("COMMENT ON TABLE t IS 'x'")).isEqualTo("42501: must be owner of table t");
        assertThat(bob.error("COMMENT ON COLUMN t.v IS 'x'")).isEqualTo("42501: must be owner of relation t");
        assertThat(bob.error("DROP INDEX t_pkey")).isEqualTo("42501: must be owner of index t_pkey");
        assertThat(bob.error("ALTER INDEX t_pkey RENAME TO k")).isEqualTo("42501: must be owner of index t_pkey");
        assertThat(bob.error("DROP VIEW tv")).isEqualTo("42501: must be owner of view tv");
        assertThat(bob.error("DROP SEQUENCE s")).isEqualTo("42501: must be owner of sequence s");
        assertThat(bob.error("ALTER SEQUENCE s RESTART")).isEqualTo("42501: must be owner of sequence s");
        assertThat(bob.error("DROP SCHEMA alice")).isEqualTo("42501: must be owner of schema alice");
        assertThat(bob.error("ALTER SCHEMA alice RENAME TO x")).isEqualTo("42501: must be owner of schema alice");
        assertThat(bob.error("COMMENT ON SCHEMA alice IS 'x'")).isEqualTo("42501: must be owner of schema alice");
        assertThat(bob.error("DROP DATABASE postgres")).isEqualTo("42501: must be owner of database postgres");
        assertThat(bob.error("COMMENT ON DATABASE postgres IS 'x'")).isEqualTo("42501: must be owner of database postgres");
        assertThat(alice.execute("ALTER TABLE t ADD COLUMN c int")).isEqualTo("ALTER TABLE");
        assertThat(alice.execute("DROP TABLE t CASCADE")).isEqualTo("DROP TABLE");
    }

    @Test
    void creatingNeedsCreatePrivileges() {
        assertThat(bob.error("CREATE TABLE public.x (a int)")).isEqualTo("42501: permission denied for schema public");
        bob.execute("SET search_path = public");
        assertThat(bob.error("CREATE TABLE x (a int)")).isEqualTo("42501: permission denied for schema public");
        assertThat(bob.error("CREATE TABLE alice.x (a int)")).isEqualTo("42501: permission denied for schema alice");
        assertThat(bob.error("CREATE VIEW alice.x AS SELECT 1")).isEqualTo("42501: permission denied for schema alice");
        assertThat(bob.error("CREATE SEQUENCE alice.x")).isEqualTo("42501: permission denied for schema alice");
        assertThat(bob.error("CREATE TYPE alice.e AS ENUM ('a')")).isEqualTo("42501: permission denied for schema alice");
        assertThat(bob.error("CREATE SCHEMA foo")).isEqualTo("42501: permission denied for database postgres");
        assertThat(bob.error("CREATE DATABASE foo")).isEqualTo("42501: permission denied to create database");
        assertThat(bob.error("CREATE ROLE foo")).isEqualTo("42501: permission denied to create role");
        assertThat(bob.error("DROP ROLE alice")).isEqualTo("42501: permission denied to drop role");
        assertThat(bob.error("ALTER ROLE alice NOLOGIN")).isEqualTo("42501: permission denied");
    }

    @Test
    void sequencesNeedTheirPrivileges() {
        String denied = "42501: permission denied for sequence s";
        assertThat(alice.error("SELECT nextval('s')")).isEqualTo(denied);
        assertThat(alice.error("SELECT currval('s')")).isEqualTo(denied);
        assertThat(alice.error("SELECT setval('s', 5)")).isEqualTo(denied);
    }

    @Test
    void schemaOwnerDropsOthersObjectsInItsSchema() {
        admin.execute("CREATE TABLE alice.by_admin (a int)");
        assertThat(alice.execute("DROP TABLE alice.by_admin")).isEqualTo("DROP TABLE");
        admin.execute("CREATE TABLE alice.by_admin2 (a int)");
        assertThat(alice.execute("DROP SCHEMA alice CASCADE")).isEqualTo("DROP SCHEMA");
    }

    @Test
    void rolesWithoutLoginCannotConnect() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(io.shale.common.error.ShaleException.class,
                () -> new SqlSession(fixture.engine, "nologin_role", "postgres")).getMessage())
                .isEqualTo("role \"nologin_role\" is not permitted to log in");
    }
}
