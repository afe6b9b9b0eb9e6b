-- ALTER TABLE … SET SCHEMA takes the table's indexes and owned sequences along, and serial defaults follow
-- renames of their sequence and schema.
CREATE SCHEMA s;
CREATE TABLE t (id serial PRIMARY KEY, v int);
CREATE INDEX t_v ON t (v);
INSERT INTO t (v) VALUES (1);
ALTER TABLE t SET SCHEMA s;
INSERT INTO s.t (v) VALUES (2);
SELECT * FROM s.t ORDER BY id;
\d s.t
\ds s.*
\di s.*
ALTER SEQUENCE s.t_id_seq RENAME TO t_ids;
INSERT INTO s.t (v) VALUES (3);
\d s.t
ALTER SCHEMA s RENAME TO s2;
INSERT INTO s2.t (v) VALUES (4);
SELECT * FROM s2.t ORDER BY id;
\d s2.t
-- a clash in the target schema
CREATE TABLE u (id serial, w int);
CREATE SEQUENCE s2.u_id_seq;
ALTER TABLE u SET SCHEMA s2;
\d u
DROP SCHEMA s2 CASCADE;
DROP TABLE u;
