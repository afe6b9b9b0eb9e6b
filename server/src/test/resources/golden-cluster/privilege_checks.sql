-- Privileges on distributed, reference and single-shard tables: each service role reads and writes its own schema,
-- and is refused another's with PostgreSQL's messages, before any task runs.
CREATE ROLE gc_users LOGIN;
CREATE ROLE gc_times LOGIN;
CREATE SCHEMA AUTHORIZATION gc_users;
CREATE SCHEMA AUTHORIZATION gc_times;
\c - gc_users
CREATE TABLE accounts (id bigint PRIMARY KEY, name text);
SELECT create_distributed_table('accounts', 'id');
CREATE TABLE plans (id int PRIMARY KEY, label text);
SELECT create_reference_table('plans');
CREATE TABLE audit (id bigint PRIMARY KEY, note text);
SELECT create_distributed_table('audit', NULL);
INSERT INTO accounts VALUES (1, 'ann'), (2, 'bob'), (3, 'cid');
INSERT INTO plans VALUES (1, 'free'), (2, 'pro');
INSERT INTO audit VALUES (1, 'created');
SELECT * FROM accounts WHERE id = 2;
SELECT count(*) FROM accounts;
SELECT a.name, p.label FROM accounts a JOIN plans p ON p.id = a.id ORDER BY a.id;
UPDATE accounts SET name = 'ann!' WHERE id = 1 RETURNING *;
INSERT INTO audit SELECT id + 10, name FROM accounts WHERE id = 3;
SELECT * FROM audit ORDER BY id;
\c - gc_times
CREATE TABLE ticks (id bigint PRIMARY KEY, at text);
SELECT create_distributed_table('ticks', 'id');
INSERT INTO ticks VALUES (1, 'noon');
SELECT * FROM gc_users.accounts WHERE id = 1;
SELECT count(*) FROM gc_users.accounts;
SELECT * FROM gc_users.plans;
INSERT INTO gc_users.audit VALUES (5, 'x');
DROP TABLE gc_users.accounts;
\c - gc_users
GRANT USAGE ON SCHEMA gc_users TO gc_times;
GRANT SELECT ON plans TO gc_times;
\c - gc_times
SELECT * FROM gc_users.accounts WHERE id = 1;
SELECT count(*) FROM gc_users.accounts;
SELECT * FROM gc_users.audit;
SELECT * FROM gc_users.plans ORDER BY id;
INSERT INTO gc_users.accounts SELECT id + 100, at FROM ticks;
UPDATE gc_users.plans SET label = 'x';
DELETE FROM gc_users.accounts WHERE id = 1;
TRUNCATE gc_users.audit;
SELECT t.at, p.label FROM ticks t JOIN gc_users.plans p ON p.id = t.id;
SELECT t.at FROM ticks t JOIN gc_users.accounts a ON a.id = t.id;
ALTER TABLE gc_users.accounts ADD COLUMN c int;
\c - postgres
SET ROLE gc_times;
SELECT count(*) FROM gc_users.accounts;
RESET ROLE;
SELECT count(*) FROM gc_users.accounts;
DROP TABLE gc_users.accounts;
DROP TABLE gc_users.plans;
DROP TABLE gc_users.audit;
DROP TABLE gc_times.ticks;
DROP SCHEMA gc_users;
DROP SCHEMA gc_times;
DROP ROLE gc_users;
DROP ROLE gc_times;
