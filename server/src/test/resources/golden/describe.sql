-- psql 15 describe commands over tables with keys, checks, foreign keys, defaults, identity,
-- serial, enums, arrays, indexes, views and comments (pg_get_constraintdef, pg_get_expr,
-- pg_get_indexdef, pg_get_viewdef as PostgreSQL prints them).
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE customers (
    id serial PRIMARY KEY,
    email varchar(80) NOT NULL UNIQUE,
    name text DEFAULT 'anonymous',
    created timestamptz DEFAULT now(),
    updated timestamp DEFAULT CURRENT_TIMESTAMP,
    feeling mood,
    score numeric DEFAULT -1.5
);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    qty integer NOT NULL CHECK (qty >= 0),
    price numeric(10,2) CHECK (price > 0),
    tags text[],
    note varchar(20) DEFAULT 'none',
    CONSTRAINT orders_qty_price CHECK (qty < 1000 AND price IS NOT NULL),
    CONSTRAINT orders_note_check CHECK (note IN ('none', 'rush') OR note LIKE 'x%'),
    CONSTRAINT orders_range CHECK (qty BETWEEN 0 AND 5000 AND -qty < 1 AND price * 2 + 1 > qty)
);
CREATE TABLE lines (
    order_id bigint REFERENCES orders,
    line smallint DEFAULT 1,
    total double precision CHECK (total > 1.5 OR total IS NULL),
    PRIMARY KEY (order_id, line)
);
CREATE INDEX orders_customer_qty ON orders (customer_id, qty DESC);
CREATE UNIQUE INDEX orders_note_key ON orders (note);
CREATE SEQUENCE counter START 10 INCREMENT 5;
CREATE VIEW big_orders AS SELECT o.id, o.qty FROM orders o WHERE o.qty > 10;
CREATE VIEW order_totals AS SELECT customer_id, count(*) AS n, sum(price) FROM orders GROUP BY customer_id;
CREATE VIEW order_kinds AS SELECT c.name, o.qty * 2 AS dbl, CASE WHEN o.qty > 1 THEN 'many' ELSE 'one' END AS kind FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.email LIKE '%@x' AND o.tags IS NOT NULL;
COMMENT ON TABLE customers IS 'people who buy';
COMMENT ON COLUMN customers.email IS 'where to write';
\d customers
\d orders
\d lines
\d+ customers
\d+ orders
\d orders_customer_qty
\d orders_pkey
\d customers_id_seq
\d counter
\d big_orders
\d+ big_orders
\d+ order_totals
\d+ order_kinds
\dt
\di
\dv
\ds
\d
\dT
\dx
\df pg_catalog.abs
\du
\dn
\d nosuchtable
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'orders'::regclass ORDER BY 1;
SELECT indexrelid::regclass, pg_get_indexdef(indexrelid), pg_get_expr(indpred, indrelid) FROM pg_index WHERE indrelid = 'orders'::regclass ORDER BY 1;
SELECT adrelid::regclass, adnum, pg_get_expr(adbin, adrelid), pg_get_expr(adbin, adrelid, true) FROM pg_attrdef ORDER BY 1, 2;
SELECT pg_get_viewdef('order_kinds'::regclass);
DROP VIEW order_kinds;
DROP VIEW order_totals;
DROP VIEW big_orders;
DROP TABLE lines;
DROP TABLE orders;
DROP TABLE customers;
DROP SEQUENCE counter;
DROP TYPE mood;
