-- More distributed shapes: aggregates over empty inputs and NULL groups, set operations, subqueries, prepared
-- statements, writes that read other tables; the expected rows are PostgreSQL 15's.
CREATE TABLE sales (region text, shop int, day int, qty int, price numeric(8,2), tags text[]);
CREATE TABLE shops (shop int, region text, opened int);
CREATE TABLE summary (shop int, total numeric, n bigint);
CREATE TABLE units (code int PRIMARY KEY, unit text);
SELECT create_distributed_table('sales', 'shop', shard_count => 6);
SELECT create_distributed_table('shops', 'shop', colocate_with => 'sales');
SELECT create_distributed_table('summary', 'shop', shard_count => 3);
SELECT create_reference_table('units');
INSERT INTO units VALUES (0, 'piece'), (1, 'box'), (2, 'pallet');
INSERT INTO shops SELECT s, (ARRAY['north', 'south', 'east'])[s % 3 + 1], 2000 + s FROM generate_series(1, 12) s;
INSERT INTO sales SELECT (ARRAY['north', 'south', 'east', NULL])[g % 4 + 1], g % 12 + 1, g % 30, (g * 7) % 11,
  (g * 31 % 1000) / 10.0, ARRAY['t' || g % 3, 't' || g % 5] FROM generate_series(1, 300) g;
-- empty inputs
SELECT count(*), sum(qty), avg(price), min(region), array_agg(qty), string_agg(region, ','), stddev(qty)
  FROM sales WHERE day > 100;
SELECT region, count(*) FROM sales WHERE day > 100 GROUP BY region;
SELECT shop, count(*) FROM sales WHERE day > 100 GROUP BY shop;
-- NULL groups and ordering
SELECT region, count(*), sum(qty) FROM sales GROUP BY region ORDER BY region NULLS FIRST;
SELECT region, count(*) FROM sales GROUP BY region ORDER BY count(*) DESC, region DESC NULLS LAST;
SELECT region, day % 3 AS d, avg(qty)::numeric(10,4) FROM sales GROUP BY region, day % 3 ORDER BY 1, 2;
-- row-gather mixed with splittable aggregates, in HAVING and ORDER BY
SELECT region, count(*), string_agg(DISTINCT (qty % 4)::text, '|' ORDER BY (qty % 4)::text) FROM sales
  GROUP BY region ORDER BY region;
SELECT day % 5 AS d, count(DISTINCT shop) FROM sales GROUP BY 1 HAVING count(DISTINCT qty) > 9 ORDER BY 1;
SELECT region FROM sales GROUP BY region ORDER BY stddev(price) DESC NULLS LAST LIMIT 2;
SELECT array_agg(DISTINCT region ORDER BY region) FROM sales;
SELECT sum(DISTINCT qty), avg(DISTINCT qty)::numeric(10,4), count(DISTINCT (region, qty)) FROM sales;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY qty), percentile_disc(0.25) WITHIN GROUP (ORDER BY price)
  FROM sales;
SELECT region, mode() WITHIN GROUP (ORDER BY qty) FROM sales GROUP BY region ORDER BY region;
SELECT bool_and(qty < 10), bool_or(price > 99), bit_and(day + 1), bit_or(day) FROM sales;
SELECT jsonb_object_agg(code, unit) FROM units;
SELECT count(*) FILTER (WHERE 't1' = ANY (tags)), array_agg(shop ORDER BY shop DESC) FILTER (WHERE day = 0)
  FROM sales;
-- grouping by the distribution column: pushed down whole
SELECT shop, count(*), string_agg(day::text, ',' ORDER BY day) FILTER (WHERE day < 3) FROM sales
  GROUP BY shop ORDER BY shop;
SELECT s.shop, h.region, sum(s.qty) FROM sales s JOIN shops h ON h.shop = s.shop GROUP BY s.shop, h.region
  HAVING sum(s.qty) > 130 ORDER BY s.shop;
-- DISTINCT ON with expressions
SELECT DISTINCT ON (region) region, shop, price FROM sales ORDER BY region, price DESC, shop;
SELECT DISTINCT ON (day % 4) day % 4 AS k, day, qty FROM sales ORDER BY day % 4, qty DESC, day LIMIT 3;
SELECT DISTINCT region, qty > 5 AS big FROM sales ORDER BY 1, 2;
-- set operations, subqueries
SELECT shop FROM shops WHERE shop < 3 UNION SELECT shop FROM sales WHERE shop > 10 ORDER BY 1;
SELECT region FROM shops INTERSECT SELECT region FROM sales ORDER BY 1;
SELECT count(*) FROM sales WHERE price > (SELECT avg(price) FROM sales);
SELECT shop, opened FROM shops WHERE shop IN (SELECT shop FROM sales WHERE qty = 10 AND day = 3) ORDER BY shop;
SELECT h.region, t.total FROM shops h JOIN (SELECT shop, sum(qty) AS total FROM sales GROUP BY shop) t
  ON t.shop = h.shop WHERE h.shop <= 4 ORDER BY h.shop;
SELECT u.unit, count(*) FROM sales s JOIN units u ON u.code = s.qty % 3 GROUP BY u.unit ORDER BY u.unit;
WITH r AS (SELECT region, sum(qty) AS q FROM sales GROUP BY region)
  SELECT region, q, q * 100 / (SELECT sum(q) FROM r) AS pct FROM r ORDER BY region;
-- window functions
SELECT shop, day, qty, row_number() OVER (PARTITION BY shop ORDER BY day, qty) FROM sales
  WHERE shop = 5 AND day < 10 ORDER BY day, qty;
SELECT shop, day, lag(qty) OVER w, sum(qty) OVER w FROM sales WHERE day < 2
  WINDOW w AS (PARTITION BY shop ORDER BY day, qty, price) ORDER BY shop, day, qty, price;
-- prepared statements
PREPARE by_shop(int) AS SELECT count(*), sum(qty) FROM sales WHERE shop = $1;
EXECUTE by_shop(3);
EXECUTE by_shop(7);
PREPARE by_region(text) AS SELECT shop, count(*) FROM sales WHERE region = $1 GROUP BY shop ORDER BY shop LIMIT 3;
EXECUTE by_region('east');
-- writes reading other tables
INSERT INTO summary SELECT shop, sum(price * qty), count(*) FROM sales GROUP BY shop;
SELECT * FROM summary ORDER BY shop;
INSERT INTO summary (shop, total, n) SELECT shop, 0, 0 FROM shops WHERE shop > 10;
SELECT shop, count(*) FROM summary GROUP BY shop HAVING count(*) > 1 ORDER BY shop;
UPDATE sales SET qty = qty + 100 FROM units WHERE units.code = sales.qty AND sales.shop = 2 AND sales.day < 5;
SELECT day, qty FROM sales WHERE shop = 2 AND day < 5 ORDER BY day, qty;
UPDATE shops SET opened = opened - 1 WHERE shop = 4 RETURNING shop, region, opened;
DELETE FROM summary WHERE n = 0;
DELETE FROM sales USING shops WHERE shops.shop = sales.shop AND shops.region = 'east' AND sales.day > 28;
DELETE FROM sales WHERE shop IN (SELECT shop FROM shops WHERE region = 'east') AND day > 25;
UPDATE sales SET qty = 0 WHERE shop IN (SELECT shop FROM shops WHERE opened = 2002) AND day = 1 RETURNING shop, day, qty;
SELECT count(*) FROM sales s WHERE s.shop IN (SELECT h.shop FROM shops h WHERE h.region = 'north') AND s.qty > 5;
SELECT count(*) FROM sales;
TRUNCATE summary;
SELECT count(*) FROM summary;
-- transactions with savepoints
BEGIN;
INSERT INTO shops VALUES (13, 'west', 2020);
SAVEPOINT s1;
INSERT INTO shops VALUES (14, 'west', 2021);
ROLLBACK TO SAVEPOINT s1;
INSERT INTO shops VALUES (15, 'west', 2022);
COMMIT;
SELECT shop, region FROM shops WHERE region = 'west' ORDER BY shop;
COPY (SELECT region, count(*) FROM shops GROUP BY region ORDER BY region) TO stdout;
