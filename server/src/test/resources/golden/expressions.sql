-- Expressions, functions, types, aggregates and window functions.
SET TimeZone = 'UTC';
SELECT 1 + 2 * 3 AS a, 7 / 2 AS b, 7 % 3 AS c, -7 / 2 AS d, 2 ^ 10 AS e;
SELECT 7.0 / 2 AS a, 1.10 + 2.205 AS b, round(2.5) AS c, round(3.14159, 2) AS d, trunc(-2.7) AS e;
SELECT 1.5::float8 * 2 AS a, 10::float8 / 4 AS b, abs(-3) AS c, sqrt(16) AS d, 0.1::float8 + 0.2::float8 AS e;
SELECT '42'::integer + 1 AS a, 3.7::integer AS b, 12345678901::bigint AS c, '1.50'::numeric AS d, 5::text || 'x' AS e;
SELECT 2147483647::integer + 1;
SELECT 'abc'::integer;
SELECT CAST('2.5' AS numeric(4,1)) AS a, 10::numeric / 3 AS b, (10 / 3)::numeric AS c;
SELECT length('shale') AS a, upper('Shale') AS b, lower('SHALE') AS c, substring('database' FROM 2 FOR 3) AS d;
SELECT position('b' IN 'abc') AS a, replace('a-b-c', '-', '+') AS b, concat('a', NULL, 'b', 1) AS c, 'x' || 'y' || 'z' AS d;
SELECT 'null' || NULL AS a, trim('  pad  ') AS b, left('abcdef', 2) AS c, right('abcdef', 2) AS d, repeat('ab', 3) AS e;
SELECT initcap('hello world') AS a, lpad('7', 3, '0') AS b, split_part('a,b,c', ',', 2) AS c, reverse('abc') AS d;
SELECT DATE '2024-02-28' + 1 AS a, DATE '2024-03-01' - DATE '2024-02-01' AS b, DATE '2024-01-31' + INTERVAL '1 month' AS c;
SELECT TIMESTAMP '2024-01-01 10:00:00' + INTERVAL '90 minutes' AS a, TIMESTAMP '2024-01-02' - TIMESTAMP '2024-01-01 12:00' AS b;
SELECT TIMESTAMPTZ '2024-06-01 12:00:00+02' AS a, INTERVAL '1 day 2 hours' * 2 AS b, INTERVAL '3 days' - INTERVAL '1 hour' AS c;
SELECT extract(year FROM DATE '2024-05-17') AS a, date_trunc('month', TIMESTAMP '2024-05-17 13:14:15') AS b;
SELECT '2024-13-01'::date;
SELECT CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' ELSE 'c' END AS a, CASE 3 WHEN 1 THEN 'one' ELSE 'other' END AS b;
SELECT COALESCE(NULL, NULL, 'x') AS a, NULLIF(5, 5) AS b, NULLIF(5, 6) AS c, GREATEST(3, 9, 1) AS d, LEAST('b', 'a') AS e;
SELECT NULL = NULL AS a, NULL IS NULL AS b, 1 IS DISTINCT FROM NULL AS c, true AND NULL AS d, false AND NULL AS e;
CREATE TABLE golden_sales (region text, product text, amount numeric, qty int);
INSERT INTO golden_sales VALUES
    ('north', 'bolt', 10.00, 5), ('north', 'nut', 2.50, 10), ('north', 'bolt', 12.00, 6),
    ('south', 'bolt', 9.00, 3), ('south', 'screw', 4.00, 8), ('east', 'nut', 3.00, 1),
    ('east', NULL, NULL, NULL);
SELECT count(*) AS n, count(product) AS products, sum(amount) AS total, avg(qty) AS avg_qty, min(amount), max(amount) FROM golden_sales;
SELECT region, count(*), sum(amount) AS total, max(qty) FROM golden_sales GROUP BY region ORDER BY region;
SELECT region, sum(qty) AS q FROM golden_sales GROUP BY region HAVING sum(qty) > 5 ORDER BY q DESC;
SELECT product, count(*) FROM golden_sales GROUP BY product ORDER BY product NULLS FIRST;
SELECT region, string_agg(product, ',' ORDER BY product) AS products FROM golden_sales GROUP BY region ORDER BY region;
SELECT count(DISTINCT product) AS distinct_products, sum(DISTINCT qty) AS distinct_qty FROM golden_sales;
SELECT sum(qty) FROM golden_sales WHERE false;
SELECT region, product, amount,
       row_number() OVER (PARTITION BY region ORDER BY amount DESC NULLS LAST) AS rn,
       rank() OVER (ORDER BY amount DESC NULLS LAST) AS rnk,
       sum(amount) OVER (PARTITION BY region) AS region_total
FROM golden_sales ORDER BY region, rn;
SELECT qty, sum(qty) OVER (ORDER BY qty ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
FROM golden_sales WHERE qty IS NOT NULL ORDER BY qty;
SELECT * FROM generate_series(1, 5) AS g;
SELECT g, g * g AS square FROM generate_series(10, 0, -5) AS g;
SELECT sum(g) FROM generate_series(1, 100) AS g;
SELECT region FROM golden_sales GROUP BY region HAVING count(*) > 1 ORDER BY 1;
SELECT nosuchfunction(1);
SELECT 'a' + 1;
DROP TABLE golden_sales;
