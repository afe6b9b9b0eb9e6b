-- privileges: GRANT/REVOKE, role membership, owners, default privileges and the psql meta-commands showing them
CREATE ROLE acl_group;
CREATE ROLE acl_alice LOGIN IN ROLE acl_group;
CREATE ROLE acl_bob LOGIN;
CREATE ROLE "acl Carol";
CREATE ROLE acl_admin ADMIN acl_bob;
CREATE SCHEMA acl_app;
CREATE TABLE acl_app.items (id serial PRIMARY KEY, name text);
CREATE VIEW acl_app.names AS SELECT name FROM acl_app.items;
CREATE SEQUENCE acl_app.counter;
CREATE TABLE acl_plain (a int);
GRANT SELECT, INSERT ON acl_app.items TO acl_alice;
GRANT ALL ON TABLE acl_app.names TO acl_bob WITH GRANT OPTION;
GRANT SELECT ON acl_plain TO PUBLIC;
GRANT UPDATE ON acl_plain TO "acl Carol";
GRANT USAGE ON SCHEMA acl_app TO acl_alice, acl_bob;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA acl_app TO acl_alice;
GRANT INSERT, USAGE ON acl_app.counter TO acl_bob;
GRANT CREATE ON DATABASE postgres TO acl_admin;
GRANT USAGE ON acl_plain TO acl_bob;
GRANT CONNECT ON acl_plain TO acl_bob;
GRANT INSERT ON SEQUENCE acl_app.counter TO acl_bob;
GRANT SELECT ON acl_plain TO acl_nobody;
GRANT SELECT ON SEQUENCE acl_plain TO acl_bob;
GRANT SELECT ON acl_missing TO acl_bob;
GRANT USAGE ON SCHEMA acl_nowhere TO acl_bob;
GRANT FOOBAR ON acl_plain TO acl_bob;
\dp acl_app.*
\z acl_plain
\dn+ acl_app
SELECT relname, relacl FROM pg_class WHERE relname IN ('acl_plain', 'items', 'counter', 'names') ORDER BY 1;
SELECT nspname, nspacl FROM pg_namespace WHERE nspname IN ('acl_app', 'public') ORDER BY 1;
SELECT datname, datacl FROM pg_database ORDER BY 1;
\l postgres
\l template1
\dn+ public
SELECT has_table_privilege('acl_alice', 'acl_app.items', 'INSERT') AS ins,
       has_table_privilege('acl_alice', 'acl_app.items', 'UPDATE') AS upd,
       has_table_privilege('acl_bob', 'acl_app.names', 'DELETE WITH GRANT OPTION') AS del_option,
       has_table_privilege('acl_bob', 'acl_plain', 'SELECT') AS public_select,
       has_sequence_privilege('acl_alice', 'acl_app.counter', 'USAGE') AS seq_usage,
       has_schema_privilege('acl_alice', 'acl_app', 'CREATE') AS schema_create,
       has_database_privilege('acl_admin', 'postgres', 'CREATE') AS db_create,
       has_column_privilege('acl_alice', 'acl_app.items', 'name', 'SELECT') AS col_select;
SELECT pg_has_role('acl_alice', 'acl_group', 'MEMBER') AS alice_in_group,
       pg_has_role('acl_bob', 'acl_group', 'USAGE') AS bob_uses_group,
       pg_has_role('acl_bob', 'acl_admin', 'USAGE WITH ADMIN OPTION') AS bob_admin;
-- grant options, grantors and cascades
\c - acl_bob
GRANT SELECT, UPDATE ON acl_app.names TO acl_alice WITH GRANT OPTION;
GRANT SELECT ON acl_app.items TO acl_alice;
GRANT SELECT ON acl_plain TO acl_alice;
GRANT acl_admin TO "acl Carol";
GRANT acl_group TO "acl Carol";
\c - postgres
\dp acl_app.names
REVOKE GRANT OPTION FOR ALL ON acl_app.names FROM acl_bob;
REVOKE GRANT OPTION FOR ALL ON acl_app.names FROM acl_bob CASCADE;
\dp acl_app.names
REVOKE INSERT ON acl_app.items FROM acl_alice;
REVOKE ALL ON acl_plain FROM PUBLIC;
\dp acl_app.items
\z acl_plain
-- role membership
GRANT acl_group TO acl_alice WITH ADMIN OPTION;
GRANT acl_group TO acl_alice;
GRANT acl_alice TO acl_group;
GRANT acl_alice TO acl_alice;
GRANT acl_group TO acl_nobody;
REVOKE acl_admin FROM acl_group;
REVOKE ADMIN OPTION FOR acl_group FROM acl_alice;
SELECT r.rolname AS role, m.rolname AS member, g.rolname AS grantor, a.admin_option
  FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
  JOIN pg_roles g ON g.oid = a.grantor
 WHERE r.rolname LIKE 'acl%' ORDER BY 1, 2;
\du acl*
-- default privileges
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO acl_alice;
ALTER DEFAULT PRIVILEGES IN SCHEMA acl_app GRANT INSERT ON TABLES TO acl_bob;
ALTER DEFAULT PRIVILEGES IN SCHEMA acl_app GRANT USAGE ON SEQUENCES TO acl_bob;
ALTER DEFAULT PRIVILEGES FOR ROLE acl_alice REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO acl_bob;
ALTER DEFAULT PRIVILEGES IN SCHEMA acl_app GRANT USAGE ON SCHEMAS TO acl_bob;
\ddp
CREATE TABLE acl_app.later (a int);
CREATE SEQUENCE acl_app.later_seq;
CREATE SCHEMA acl_later;
\dp acl_app.later*
\dn+ acl_later
ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM acl_alice;
ALTER DEFAULT PRIVILEGES IN SCHEMA acl_app REVOKE INSERT ON TABLES FROM acl_bob;
ALTER DEFAULT PRIVILEGES IN SCHEMA acl_app REVOKE USAGE ON SEQUENCES FROM acl_bob;
ALTER DEFAULT PRIVILEGES FOR ROLE acl_alice GRANT EXECUTE ON FUNCTIONS TO PUBLIC;
ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SCHEMAS FROM acl_bob;
\ddp
-- owners
ALTER TABLE acl_plain OWNER TO acl_alice;
ALTER SCHEMA acl_later OWNER TO acl_bob;
ALTER SEQUENCE acl_app.items_id_seq OWNER TO acl_bob;
ALTER TABLE acl_missing OWNER TO acl_bob;
ALTER TABLE acl_plain OWNER TO acl_nobody;
\z acl_plain
\dn acl_later
\c - acl_bob
ALTER TABLE acl_plain OWNER TO acl_bob;
ALTER SCHEMA acl_later OWNER TO acl_alice;
\c - postgres
-- roles that own objects or hold privileges cannot be dropped
CREATE ROLE acl_drop;
CREATE TABLE acl_t1 (a int);
ALTER TABLE acl_t1 OWNER TO acl_drop;
CREATE TABLE acl_t2 (a int);
GRANT SELECT ON acl_t2 TO acl_drop;
DROP ROLE acl_drop;
DROP ROLE acl_admin;
DROP TABLE acl_t1, acl_t2;
DROP ROLE acl_drop;
DROP ROLE acl_group;
-- REASSIGN OWNED and DROP OWNED
CREATE ROLE acl_old;
CREATE ROLE acl_new;
CREATE SCHEMA acl_olds AUTHORIZATION acl_old;
CREATE TABLE acl_olds.acl_t3 (a int);
ALTER TABLE acl_olds.acl_t3 OWNER TO acl_old;
GRANT SELECT ON acl_olds.acl_t3 TO acl_bob;
CREATE TABLE acl_shared (a int);
GRANT SELECT ON acl_shared TO acl_old WITH GRANT OPTION;
REASSIGN OWNED BY acl_old TO acl_new;
REASSIGN OWNED BY postgres TO acl_new;
SELECT nspname, nspowner::regrole FROM pg_namespace WHERE nspname = 'acl_olds';
SELECT relname, relowner::regrole, relacl FROM pg_class WHERE relname IN ('acl_t3', 'acl_shared') ORDER BY 1;
DROP ROLE acl_old;
DROP OWNED BY acl_old;
\z acl_shared
DROP ROLE acl_old;
DROP OWNED BY acl_new CASCADE;
SELECT count(*) FROM pg_namespace WHERE nspname = 'acl_olds';
DROP ROLE acl_new;
DROP TABLE acl_shared;
-- clean up
DROP SCHEMA acl_later;
DROP TABLE acl_plain;
DROP VIEW acl_app.names;
DROP TABLE acl_app.items, acl_app.later;
DROP SEQUENCE acl_app.counter, acl_app.later_seq;
DROP SCHEMA acl_app;
REVOKE CREATE ON DATABASE postgres FROM acl_admin;
DROP ROLE acl_alice;
DROP ROLE acl_bob;
DROP ROLE acl_admin;
DROP ROLE "acl Carol";
\du acl*
