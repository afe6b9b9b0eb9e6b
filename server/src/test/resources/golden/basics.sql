-- Tables, constraints, DML with RETURNING, \d, and the common errors.
CREATE TABLE golden_items (
    id integer PRIMARY KEY,
    name text NOT NULL,
    price numeric(10,2) DEFAULT 0,
    stock integer NOT NULL DEFAULT 10,
    created date DEFAULT '2024-01-01'
);
\d golden_items
INSERT INTO golden_items (id, name, price) VALUES
    (1, 'apple', 0.50),
    (2, 'banana', 0.25),
    (3, 'cherry', 3.00),
    (4, 'date', 2.75),
    (5, 'elderberry', NULL);
INSERT INTO golden_items (id, name) VALUES (6, 'fig');
SELECT * FROM golden_items ORDER BY id;
SELECT id, name FROM golden_items WHERE price > 1 ORDER BY price DESC;
SELECT name, price FROM golden_items WHERE price IS NULL OR price < 0.3 ORDER BY name;
SELECT name FROM golden_items ORDER BY name DESC LIMIT 2;
SELECT name FROM golden_items ORDER BY id LIMIT 2 OFFSET 3;
SELECT count(*) FROM golden_items WHERE name LIKE '%e%';
SELECT id, name FROM golden_items WHERE id IN (2, 4, 6) ORDER BY id;
SELECT id, name FROM golden_items WHERE id BETWEEN 2 AND 4 AND name <> 'cherry' ORDER BY id;
UPDATE golden_items SET price = price * 2 WHERE id <= 2 RETURNING id, name, price;
UPDATE golden_items SET stock = stock - 1 WHERE name = 'fig' RETURNING *;
UPDATE golden_items SET stock = 0 WHERE id = 99 RETURNING id;
DELETE FROM golden_items WHERE id = 5 RETURNING name, price;
DELETE FROM golden_items WHERE price > 100 RETURNING id;
INSERT INTO golden_items (id, name, price) VALUES (7, 'grape', 1.10) RETURNING id, price, stock, created;
SELECT id, name, price, stock FROM golden_items ORDER BY id;
-- unique violation
INSERT INTO golden_items (id, name) VALUES (1, 'apricot');
-- not null violation
INSERT INTO golden_items (id, name) VALUES (8, NULL);
UPDATE golden_items SET name = NULL WHERE id = 2;
-- undefined table and column
SELECT * FROM golden_missing;
SELECT nope FROM golden_items;
-- syntax errors
SELEC 1;
SELECT * FROM golden_items WHERE;
-- division by zero
SELECT 1 / 0;
SELECT id, 10 / (stock - stock) FROM golden_items WHERE id = 1;
-- the table is unchanged by the failed statements
SELECT count(*), sum(stock) FROM golden_items;
CREATE TABLE golden_items (id int);
DROP TABLE golden_items;
DROP TABLE golden_items;
DROP TABLE IF EXISTS golden_items;
