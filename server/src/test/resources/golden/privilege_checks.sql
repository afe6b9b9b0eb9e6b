-- Privileges and ownership: what a role without them is refused (42501), as PostgreSQL 15 says it.
CREATE ROLE golden_owner LOGIN;
CREATE ROLE golden_other LOGIN;
CREATE ROLE golden_nologin;
CREATE SCHEMA AUTHORIZATION golden_owner;
CREATE TABLE public.golden_admin_table (id serial PRIMARY KEY, v text);
INSERT INTO golden_admin_table (v) VALUES ('a');
CREATE SEQUENCE public.golden_admin_seq;
CREATE VIEW public.golden_admin_view AS SELECT * FROM golden_admin_table;
\c - golden_owner
CREATE TABLE items (id int PRIMARY KEY, name text);
INSERT INTO items VALUES (1, 'one'), (2, 'two');
CREATE VIEW item_names AS SELECT name FROM items;
CREATE SEQUENCE item_ids;
SELECT * FROM items ORDER BY id;
\d items
\dt
\dn
SELECT * FROM golden_owner.item_names ORDER BY name;
SELECT nextval('item_ids');
SELECT * FROM golden_admin_table;
SELECT * FROM golden_admin_view;
INSERT INTO golden_admin_table (v) VALUES ('b');
UPDATE golden_admin_table SET v = 'c';
DELETE FROM golden_admin_table;
TRUNCATE golden_admin_table;
SELECT * FROM golden_admin_table FOR UPDATE;
SELECT nextval('golden_admin_seq');
SELECT setval('golden_admin_seq', 5);
CREATE SCHEMA golden_nope;
CREATE DATABASE golden_nope;
CREATE ROLE golden_nope;
ALTER TABLE golden_admin_table ADD COLUMN c int;
DROP TABLE golden_admin_table;
CREATE INDEX ON golden_admin_table (v);
DROP INDEX golden_admin_table_pkey;
DROP VIEW golden_admin_view;
DROP SEQUENCE golden_admin_seq;
COMMENT ON TABLE golden_admin_table IS 'x';
DROP SCHEMA public;
\c - golden_other
SELECT * FROM golden_owner.items;
SELECT * FROM golden_owner.missing;
INSERT INTO golden_owner.items VALUES (3, 'three');
DROP TABLE golden_owner.items;
SET search_path = golden_owner, public;
SELECT * FROM items;
SELECT current_schemas(false);
\c - golden_owner
GRANT USAGE ON SCHEMA golden_owner TO golden_other;
GRANT INSERT ON items TO golden_other;
\c - golden_other
SELECT * FROM golden_owner.items;
INSERT INTO golden_owner.items VALUES (3, 'three');
INSERT INTO golden_owner.items VALUES (4, 'four') RETURNING id;
UPDATE golden_owner.items SET name = 'x' WHERE id = 3;
DELETE FROM golden_owner.items WHERE id = 3;
SELECT * FROM golden_owner.item_names;
SELECT nextval('golden_owner.item_ids');
\c - golden_owner
GRANT SELECT ON item_names TO golden_other;
GRANT SELECT, UPDATE ON items TO golden_other;
\c - golden_other
SELECT * FROM golden_owner.item_names ORDER BY name;
SELECT * FROM golden_owner.items ORDER BY id;
UPDATE golden_owner.items SET name = 'three!' WHERE id = 3 RETURNING *;
DELETE FROM golden_owner.items WHERE id = 3;
PREPARE golden_read AS SELECT count(*) FROM golden_owner.items;
EXECUTE golden_read;
\c - golden_owner
REVOKE SELECT ON items FROM golden_other;
\c - golden_other
SELECT count(*) FROM golden_owner.items;
SELECT * FROM golden_owner.item_names ORDER BY name;
\c - postgres
SET ROLE golden_other;
SELECT current_user, session_user;
SELECT count(*) FROM golden_admin_table;
RESET ROLE;
SELECT count(*) FROM golden_admin_table;
SET SESSION AUTHORIZATION golden_other;
SELECT current_user, session_user;
SHOW session_authorization;
SELECT count(*) FROM golden_admin_table;
SET ROLE golden_owner;
RESET SESSION AUTHORIZATION;
SELECT current_user, session_user;
DROP VIEW golden_owner.item_names;
DROP TABLE golden_owner.items;
DROP SEQUENCE golden_owner.item_ids;
DROP SCHEMA golden_owner;
DROP VIEW golden_admin_view;
DROP TABLE golden_admin_table;
DROP SEQUENCE golden_admin_seq;
DROP ROLE golden_owner;
DROP ROLE golden_other;
DROP ROLE golden_nologin;
