-- Distributed queries on a coordinator and two workers; the expected rows are PostgreSQL 15's.
CREATE TABLE customers (cid int PRIMARY KEY, name text NOT NULL, city text, score int);
CREATE TABLE orders (cid int, oid int, amount numeric(10,2), status text, placed date);
CREATE TABLE countries (code text PRIMARY KEY, label text);
CREATE TABLE notes (nid int, body text);
SELECT create_distributed_table('customers', 'cid', shard_count => 4);
SELECT create_distributed_table('orders', 'cid', colocate_with => 'customers');
SELECT create_reference_table('countries');
INSERT INTO countries VALUES ('fr', 'France'), ('de', 'Germany'), ('it', 'Italy');
INSERT INTO customers SELECT g, 'c' || g, (ARRAY['fr', 'de', 'it', NULL])[g % 4 + 1], (g * 37) % 100
  FROM generate_series(1, 40) g;
INSERT INTO orders SELECT g % 40 + 1, g, (g * 13 % 500) / 4.0, (ARRAY['new', 'paid', 'sent'])[g % 3 + 1],
  DATE '2024-01-01' + g FROM generate_series(1, 200) g;
SELECT create_distributed_table('notes', 'nid');
COPY notes FROM stdin;
1	first
2	second
3	\N
\.
-- filters and router queries
SELECT * FROM customers WHERE cid = 7;
SELECT cid, name FROM customers WHERE cid IN (3, 5, 8) ORDER BY cid;
SELECT count(*) FROM customers WHERE city = 'fr';
SELECT cid, score FROM customers WHERE score > 90 ORDER BY score DESC, cid;
SELECT * FROM notes ORDER BY nid;
-- splittable aggregates
SELECT count(*), count(city), sum(score), avg(score), min(name), max(score) FROM customers;
SELECT city, count(*), sum(score), round(avg(score), 3) FROM customers GROUP BY city ORDER BY city;
SELECT status, count(*), sum(amount), min(placed), max(placed) FROM orders GROUP BY status ORDER BY status;
SELECT status, count(*) FROM orders GROUP BY status HAVING sum(amount) > 5000 ORDER BY 1;
SELECT cid, count(*) AS n FROM orders GROUP BY cid ORDER BY n DESC, cid LIMIT 5;
SELECT count(DISTINCT cid) FROM orders;
SELECT bool_and(score > 0), bool_or(score > 95), every(cid > 0) FROM customers;
SELECT count(*) FILTER (WHERE status = 'new'), sum(amount) FILTER (WHERE cid < 10) FROM orders;
-- aggregates the coordinator computes from the rows (row-gather)
SELECT count(DISTINCT status), count(DISTINCT city), sum(DISTINCT score % 10) FROM orders JOIN customers USING (cid);
SELECT city, string_agg(name, ',' ORDER BY cid) FROM customers WHERE cid < 12 GROUP BY city ORDER BY city;
SELECT array_agg(cid ORDER BY cid) FROM customers WHERE score < 20;
SELECT status, json_agg(oid ORDER BY oid) FILTER (WHERE oid < 20) FROM orders GROUP BY status ORDER BY status;
SELECT jsonb_agg(code ORDER BY code) FROM countries;
SELECT round(stddev(score), 6), round(variance(score), 6), round(stddev_pop(score), 6), round(var_samp(score), 6)
  FROM customers;
SELECT status, bit_and(oid), bit_or(oid) FROM orders GROUP BY status ORDER BY status;
SELECT city, count(DISTINCT score / 10) FROM customers GROUP BY city HAVING count(DISTINCT score / 10) > 3 ORDER BY city;
SELECT status, max(amount ORDER BY amount), count(DISTINCT placed) FROM orders GROUP BY 1 ORDER BY 1;
-- DISTINCT and DISTINCT ON
SELECT DISTINCT city FROM customers ORDER BY city;
SELECT DISTINCT status, cid % 2 AS parity FROM orders ORDER BY 1, 2;
SELECT DISTINCT ON (status) status, oid, amount FROM orders ORDER BY status, amount DESC, oid;
SELECT DISTINCT ON (cid) cid, oid FROM orders WHERE cid < 5 ORDER BY cid, oid DESC;
-- ORDER BY / LIMIT / OFFSET
SELECT oid, amount FROM orders ORDER BY amount DESC, oid LIMIT 4 OFFSET 2;
SELECT name FROM customers ORDER BY score, cid LIMIT 3;
-- joins: colocated and with the reference table
SELECT c.cid, c.name, count(o.oid) FROM customers c JOIN orders o ON o.cid = c.cid
  GROUP BY c.cid, c.name ORDER BY c.cid LIMIT 5;
SELECT c.cid, sum(o.amount) FROM customers c LEFT JOIN orders o ON o.cid = c.cid WHERE c.cid <= 3
  GROUP BY c.cid ORDER BY c.cid;
SELECT k.label, count(*) FROM customers c JOIN countries k ON k.code = c.city GROUP BY k.label ORDER BY k.label;
SELECT o.oid, k.label FROM orders o JOIN customers c ON c.cid = o.cid JOIN countries k ON k.code = c.city
  WHERE o.cid = 6 ORDER BY o.oid;
-- subqueries and CTEs
SELECT count(*) FROM customers WHERE city IN (SELECT code FROM countries WHERE label <> 'Italy');
SELECT cid, total FROM (SELECT cid, sum(amount) AS total FROM orders GROUP BY cid) t WHERE total > 700 ORDER BY cid;
WITH big AS (SELECT cid FROM orders WHERE amount > 120) SELECT count(*) FROM big;
WITH top AS (SELECT cid, score FROM customers ORDER BY score DESC, cid LIMIT 3)
  SELECT t.cid, count(o.oid) FROM top t JOIN orders o ON o.cid = t.cid GROUP BY t.cid ORDER BY t.cid;
SELECT name FROM customers WHERE cid = (SELECT max(cid) FROM orders);
-- window functions partitioned by the distribution column
SELECT cid, oid, rank() OVER (PARTITION BY cid ORDER BY amount DESC, oid) FROM orders WHERE cid IN (1, 2)
  ORDER BY cid, oid;
SELECT cid, oid, sum(amount) OVER (PARTITION BY cid ORDER BY oid) FROM orders WHERE cid < 3 ORDER BY cid, oid;
-- writes
INSERT INTO orders (cid, oid, amount, status) SELECT cid, oid + 1000, amount, 'copy' FROM orders WHERE oid <= 10;
SELECT count(*), sum(amount) FROM orders WHERE status = 'copy';
UPDATE orders SET amount = amount + 1 WHERE cid = 3 RETURNING oid, amount;
UPDATE customers SET score = score + 1 WHERE score > 95;
SELECT cid, score FROM customers WHERE score > 95 ORDER BY cid;
DELETE FROM orders WHERE status = 'copy' AND cid = 8 RETURNING cid, oid;
DELETE FROM orders WHERE status = 'copy' AND oid > 1005;
SELECT count(*) FROM orders;
-- transactions
BEGIN;
INSERT INTO customers VALUES (100, 'c100', 'de', 50);
UPDATE orders SET status = 'moved' WHERE cid = 100;
SELECT count(*) FROM customers;
ROLLBACK;
SELECT count(*) FROM customers WHERE cid = 100;
BEGIN;
INSERT INTO customers VALUES (101, 'c101', 'fr', 51), (102, 'c102', NULL, 52);
INSERT INTO orders VALUES (101, 5001, 9.99, 'new', '2025-01-01');
COMMIT;
SELECT c.cid, c.city, o.amount FROM customers c LEFT JOIN orders o USING (cid) WHERE c.cid > 100 ORDER BY 1;
SELECT count(*) FROM customers JOIN orders USING (cid) WHERE cid = 101;
-- COPY into distributed tables
COPY orders (cid, oid, amount, status) FROM stdin;
7	7001	1.50	copied
8	7002	2.50	copied
\.
SELECT cid, oid, amount FROM orders WHERE status = 'copied' ORDER BY oid;
COPY (SELECT cid, name FROM customers WHERE cid < 4 ORDER BY cid) TO stdout;
