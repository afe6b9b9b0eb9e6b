package io.shale.engine;

import io.shale.engine.session.Notice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GRANT/REVOKE, role membership, owners and default privileges as PostgreSQL 15 shows them. */
@Timeout(60)
class GrantTest {
    private final EngineFixture fixture = new EngineFixture();
    private final SqlSession sql = fixture.session();

    @AfterEach
    void close() {
        sql.close();
        fixture.close();
    }

    private SqlSession as(String user) {
        return new SqlSession(fixture.engine, user, "postgres");
    }

    private List<String> warnings(SqlSession s) {
        return s.notices.stream().map(n -> n.severity() + ": " + n.message()).toList();
    }

    @Test
    void grantAndRevokeOnATable() {
        sql.execute("CREATE ROLE alice LOGIN");
        sql.execute("CREATE ROLE bob LOGIN");
        sql.execute("CREATE TABLE t (a int)");
        assertThat(sql.value("SELECT relacl FROM pg_class WHERE relname = 't'")).isEqualTo("null");
        sql.execute("GRANT SELECT, INSERT ON t TO alice");
        sql.execute("GRANT ALL ON TABLE t TO bob WITH GRANT OPTION");
        sql.execute("GRANT SELECT ON t TO PUBLIC");
        assertThat(sql.value("SELECT relacl::text FROM pg_class WHERE relname = 't'"))
                .isEqualTo("{postgres=arwdDxt/postgres,alice=ar/postgres,bob=a*r*w*d*D*x*t*/postgres,=r/postgres}");
        assertThat(sql.value("SELECT has_table_privilege('alice', 't', 'INSERT')")).isEqualTo("t");
        assertThat(sql.value("SELECT has_table_privilege('alice', 't', 'UPDATE')")).isEqualTo("f");
        assertThat(sql.value("SELECT has_table_privilege('bob', 't', 'UPDATE WITH GRANT OPTION')")).isEqualTo("t");
        assertThat(sql.query("SELECT grantor, grantee, privilege_type, is_grantable, with_hierarchy"
                + " FROM information_schema.table_privileges WHERE table_name = 't' AND grantee <> 'postgres'"
                + " ORDER BY 2, 3")).containsExactly(
                List.of("postgres", "PUBLIC", "SELECT", "NO", "YES"),
                List.of("postgres", "alice", "INSERT", "NO", "NO"),
                List.of("postgres", "alice", "SELECT", "NO", "YES"),
                List.of("postgres", "bob", "DELETE", "YES", "NO"),
                List.of("postgres", "bob", "INSERT", "YES", "NO"),
                List.of("postgres", "bob", "REFERENCES", "YES", "NO"),
                List.of("postgres", "bob", "SELECT", "YES", "YES"),
                List.of("postgres", "bob", "TRIGGER", "YES", "NO"),
                List.of("postgres", "bob", "TRUNCATE", "YES", "NO"),
                List.of("postgres", "bob", "UPDATE", "YES", "NO"));
        assertThat(sql.value("SELECT count(*) FROM information_schema.role_table_grants WHERE table_name = 't'"
                + " AND grantee = 'PUBLIC'")).isEqualTo("1");
        sql.execute("REVOKE INSERT ON t FROM alice");
        sql.execute("REVOKE ALL ON t FROM PUBLIC");
        assertThat(sql.value("SELECT array_to_string(relacl, ',') FROM pg_class WHERE relname = 't'"))
                .isEqualTo("postgres=arwdDxt/postgres,alice=r/postgres,bob=a*r*w*d*D*x*t*/postgres");
    }

    @Test
    void grantOptionsCascadeAndWarnings() {
        sql.execute("CREATE ROLE alice LOGIN");
        sql.execute("CREATE ROLE bob LOGIN");
        sql.execute("CREATE TABLE t (a int)");
        sql.execute("GRANT SELECT ON t TO alice WITH GRANT OPTION");
        try (SqlSession alice = as("alice")) {
            alice.execute("GRANT SELECT, INSERT ON t TO bob");
            assertThat(warnings(alice)).containsExactly("WARNING: not all privileges were granted for \"t\"");
            alice.notices.clear();
            alice.execute("GRANT UPDATE ON t TO bob");
            assertThat(warnings(alice)).containsExactly("WARNING: no privileges were granted for \"t\"");
        }
        try (SqlSession bob = as("bob")) {
            bob.execute("GRANT SELECT ON t TO alice");
            assertThat(warnings(bob)).containsExactly("WARNING: no privileges were granted for \"t\"");
        }
        sql.execute("CREATE ROLE carol LOGIN");
        try (SqlSession carol = as("carol")) {
            assertThat(carol.error("GRANT SELECT ON t TO alice")).isEqualTo("42501: permission denied for table t");
        }
        assertThat(sql.value("SELECT relacl::text FROM pg_class WHERE relname = 't'"))
                .isEqualTo("{postgres=arwdDxt/postgres,alice=r*/postgres,bob=r/alice}");
        assertThat(sql.error("REVOKE GRANT OPTION FOR SELECT ON t FROM alice"))
                .isEqualTo("2BP01: dependent privileges exist");
        sql.execute("REVOKE GRANT OPTION FOR SELECT ON t FROM alice CASCADE");
        assertThat(sql.value("SELECT relacl::text FROM pg_class WHERE relname = 't'"))
                .isEqualTo("{postgres=arwdDxt/postgres,alice=r/postgres}");
    }

    @Test
    void invalidPrivilegesAndUnknownRoles() {
        sql.execute("CREATE TABLE t (a int)");
        sql.execute("CREATE SEQUENCE s");
        assertThat(sql.error("GRANT USAGE ON t TO PUBLIC")).isEqualTo("0LP01: invalid privilege type USAGE for table");
        assertThat(sql.error("GRANT CONNECT ON t TO PUBLIC")).isEqualTo("0LP01: invalid privilege type CONNECT for relation");
        assertThat(sql.error("GRANT INSERT ON SEQUENCE s TO PUBLIC"))
                .isEqualTo("0LP01: invalid privilege type INSERT for sequence");
        assertThat(sql.error("GRANT SELECT ON t TO nobody")).isEqualTo("42704: role \"nobody\" does not exist");
        assertThat(sql.error("GRANT SELECT ON SEQUENCE t TO PUBLIC")).isEqualTo("42809: \"t\" is not a sequence");
        assertThat(sql.error("GRANT SELECT (a) ON t TO PUBLIC")).startsWith("0A000");
        assertThat(sql.error("GRANT SELECT ON t TO PUBLIC WITH GRANT OPTION"))
                .isEqualTo("0LP01: grant options can only be granted to roles");
        sql.execute("GRANT INSERT, USAGE ON s TO PUBLIC");
        assertThat(warnings(sql)).containsExactly(
                "WARNING: sequence \"s\" only supports USAGE, SELECT, and UPDATE privileges");
        assertThat(sql.value("SELECT relacl::text FROM pg_class WHERE relname = 's'"))
                .isEqualTo("{postgres=rwU/postgres,=U/postgres}");
    }

    @Test
    void schemasDatabasesAndAllTablesInSchema() {
        sql.execute("CREATE ROLE alice");
        sql.execute("CREATE SCHEMA app");
        sql.execute("CREATE TABLE app.a (x int)");
        sql.execute("CREATE VIEW app.v AS SELECT 1 AS one");
        sql.execute("CREATE SEQUENCE app.s");
        sql.execute("GRANT USAGE ON SCHEMA app TO alice");
        sql.execute("GRANT SELECT ON ALL TABLES IN SCHEMA app TO alice");
        sql.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA app TO alice");
        sql.execute("GRANT CREATE ON DATABASE postgres TO alice");
        assertThat(sql.query("SELECT c.relname, c.relacl::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'app' ORDER BY 1")).containsExactly(
                List.of("a", "{postgres=arwdDxt/postgres,alice=r/postgres}"),
                List.of("s", "{postgres=rwU/postgres,alice=U/postgres}"),
                List.of("v", "{postgres=arwdDxt/postgres,alice=r/postgres}"));
        assertThat(sql.value("SELECT nspacl::text FROM pg_namespace WHERE nspname = 'app'"))
                .isEqualTo("{postgres=UC/postgres,alice=U/postgres}");
        assertThat(sql.value("SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'"))
                .isEqualTo("{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}");
        assertThat(sql.value("SELECT datacl::text FROM pg_database WHERE datname = 'postgres'"))
                .isEqualTo("{=Tc/postgres,postgres=CTc/postgres,alice=C/postgres}");
        assertThat(sql.value("SELECT has_schema_privilege('alice', 'app', 'USAGE')")).isEqualTo("t");
        assertThat(sql.value("SELECT has_schema_privilege('alice', 'app', 'CREATE')")).isEqualTo("f");
        assertThat(sql.value("SELECT has_database_privilege('alice', 'postgres', 'CREATE')")).isEqualTo("t");
        assertThat(sql.value("SELECT has_sequence_privilege('alice', 'app.s', 'USAGE')")).isEqualTo("t");
        assertThat(sql.value("SELECT has_column_privilege('alice', 'app.a', 'x', 'SELECT')")).isEqualTo("t");
    }

    @Test
    void aclexplodeListsEachPrivilege() {
        sql.execute("CREATE ROLE \"odd name\"");
        sql.execute("CREATE TABLE t (a int)");
        sql.execute("GRANT SELECT ON t TO \"odd name\" WITH GRANT OPTION");
        assertThat(sql.query("SELECT e.grantor, e.grantee::regrole::text, e.privilege_type, e.is_grantable"
                + " FROM pg_class c, aclexplode(c.relacl) e WHERE c.relname = 't'"
                + " AND e.privilege_type IN ('SELECT', 'TRIGGER')"))
                .containsExactly(List.of("10", "postgres", "SELECT", "f"), List.of("10", "postgres", "TRIGGER", "f"),
                        List.of("10", "\"odd name\"", "SELECT", "t"));
        assertThat(sql.query("SELECT e.* FROM pg_database d, aclexplode(d.datacl) e WHERE d.datname = 'template1'"))
                .containsExactly(List.of("10", "0", "CONNECT", "f"), List.of("10", "10", "CREATE", "f"),
                        List.of("10", "10", "TEMPORARY", "f"), List.of("10", "10", "CONNECT", "f"));
    }

    @Test
    void roleMembership() {
        sql.execute("CREATE ROLE grp");
        sql.execute("CREATE ROLE alice LOGIN IN ROLE grp");
        sql.execute("CREATE ROLE boss ADMIN alice ROLE grp");
        assertThat(sql.query("SELECT r.rolname, m.rolname, admin_option FROM pg_auth_members a"
                + " JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member ORDER BY 1, 2"))
                .containsExactly(List.of("boss", "alice", "t"), List.of("boss", "grp", "f"),
                        List.of("grp", "alice", "f"));
        assertThat(sql.error("GRANT alice TO boss")).isEqualTo("0LP01: role \"alice\" is a member of role \"boss\"");
        assertThat(sql.error("GRANT grp TO grp")).isEqualTo("0LP01: role \"grp\" is a member of role \"grp\"");
        sql.execute("GRANT grp TO alice");
        assertThat(sql.notices.getLast().message()).isEqualTo("role \"alice\" is already a member of role \"grp\"");
        try (SqlSession alice = as("alice")) {
            assertThat(alice.error("GRANT grp TO boss")).isEqualTo("42501: must have admin option on role \"grp\"");
            sql.execute("CREATE ROLE carol");
            alice.execute("GRANT boss TO carol");
        }
        assertThat(sql.value("SELECT pg_has_role('carol', 'boss', 'MEMBER')")).isEqualTo("t");
        assertThat(sql.value("SELECT pg_has_role('alice', 'boss', 'USAGE WITH ADMIN OPTION')")).isEqualTo("t");
        sql.execute("REVOKE ADMIN OPTION FOR boss FROM alice");
        assertThat(sql.value("SELECT admin_option FROM pg_auth_members WHERE member = 'alice'::regrole"
                + " AND roleid = 'boss'::regrole")).isEqualTo("f");
        sql.execute("REVOKE boss FROM alice");
        sql.execute("REVOKE boss FROM alice");
        assertThat(sql.notices.getLast().message()).isEqualTo("role \"alice\" is not a member of role \"boss\"");
    }

    @Test
    void ownersAndDropRoleDependencies() {
        sql.execute("CREATE ROLE alice");
        sql.execute("CREATE ROLE bob LOGIN");
        sql.execute("CREATE SCHEMA s");
        sql.execute("CREATE TABLE t (id serial)");
        sql.execute("CREATE TABLE u (a int)");
        sql.execute("GRANT SELECT ON t TO bob");
        sql.execute("ALTER TABLE t OWNER TO alice");
        sql.execute("ALTER SCHEMA s OWNER TO alice");
        sql.execute("GRANT SELECT ON u TO alice");
        assertThat(sql.value("SELECT relacl::text FROM pg_class WHERE relname = 't'"))
                .isEqualTo("{alice=arwdDxt/alice,bob=r/alice}");
        assertThat(sql.value("SELECT relowner::regrole::text FROM pg_class WHERE relname = 't_id_seq'"))
                .isEqualTo("alice");
        assertThat(sql.error("ALTER SEQUENCE t_id_seq OWNER TO bob")).startsWith("0A000: cannot change owner of sequence");
        String detail = null;
        try {
            sql.execute("DROP ROLE alice");
        } catch (io.shale.common.error.ShaleException e) {
            assertThat(e.getMessage()).isEqualTo("role \"alice\" cannot be dropped because some objects depend on it");
            detail = e.detail();
        }
        assertThat(detail).isEqualTo("owner of schema s\nowner of table t\nowner of sequence t_id_seq\nprivileges for table u");
        assertThat(sql.error("DROP ROLE bob")).startsWith("2BP01");
        try (SqlSession bob = as("bob")) {
            assertThat(bob.error("ALTER TABLE u OWNER TO bob")).isEqualTo("42501: must be owner of table u");
        }
    }

    @Test
    void viewSequenceAndDatabaseOwners() {
        sql.execute("CREATE ROLE alice");
        sql.execute("CREATE VIEW v AS SELECT 1 AS one");
        sql.execute("CREATE SEQUENCE s");
        sql.execute("CREATE DATABASE other");
        sql.execute("GRANT SELECT ON v TO PUBLIC");
        sql.execute("GRANT CONNECT ON DATABASE other TO alice");
        assertThat(sql.execute("ALTER VIEW v OWNER TO alice")).isEqualTo("ALTER VIEW");
        assertThat(sql.execute("ALTER SEQUENCE s OWNER TO alice")).isEqualTo("ALTER SEQUENCE");
        assertThat(sql.execute("ALTER DATABASE other OWNER TO alice")).isEqualTo("ALTER DATABASE");
        assertThat(sql.query("SELECT relname, relowner::regrole::text, relacl::text FROM pg_class"
                + " WHERE relname IN ('v', 's') ORDER BY 1")).containsExactly(
                List.of("s", "alice", "null"), List.of("v", "alice", "{alice=arwdDxt/alice,=r/alice}"));
        assertThat(sql.value("SELECT datacl::text FROM pg_database WHERE datname = 'other'"))
                .isEqualTo("{=Tc/alice,alice=CTc/alice}");
        assertThat(sql.error("ALTER DATABASE nowhere OWNER TO alice"))
                .isEqualTo("3D000: database \"nowhere\" does not exist");
        sql.execute("DROP DATABASE other");
    }

    @Test
    void defaultPrivileges() {
        sql.execute("CREATE ROLE alice");
        sql.execute("CREATE SCHEMA app");
        sql.execute("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO alice");
        sql.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT INSERT ON TABLES TO alice");
        sql.execute("ALTER DEFAULT PRIVILEGES REVOKE ALL ON SEQUENCES FROM postgres");
        assertThat(sql.query("SELECT defaclrole::regrole::text, defaclnamespace, defaclobjtype, defaclacl::text"
                + " FROM pg_default_acl ORDER BY defaclobjtype, defaclnamespace")).containsExactly(
                List.of("postgres", "0", "S", "{}"),
                List.of("postgres", "0", "r", "{postgres=arwdDxt/postgres,alice=r/postgres}"),
                List.of("postgres", sql.value("SELECT oid FROM pg_namespace WHERE nspname = 'app'"), "r",
                        "{alice=a/postgres}"));
        sql.execute("CREATE TABLE app.t (a int)");
        sql.execute("CREATE TABLE plain (a int)");
        sql.execute("CREATE SEQUENCE q");
        assertThat(sql.value("SELECT relacl::text FROM pg_class WHERE relname = 't'"))
                .isEqualTo("{postgres=arwdDxt/postgres,alice=ar/postgres}");
        assertThat(sql.value("SELECT relacl::text FROM pg_class WHERE relname = 'plain'"))
                .isEqualTo("{postgres=arwdDxt/postgres,alice=r/postgres}");
        assertThat(sql.value("SELECT relacl::text FROM pg_class WHERE relname = 'q'")).isEqualTo("{}");
        sql.execute("ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM alice");
        assertThat(sql.value("SELECT count(*) FROM pg_default_acl WHERE defaclobjtype = 'r' AND defaclnamespace = 0"))
                .isEqualTo("0");
    }
}
