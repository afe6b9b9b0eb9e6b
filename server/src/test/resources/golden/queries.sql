-- Queries: joins, subqueries, CTEs, windows, set operations, upserts, COPY and cursors.
CREATE TABLE golden_dept (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE golden_emp (id serial PRIMARY KEY, name text NOT NULL, dept int REFERENCES golden_dept, salary numeric(8,2), hired date);
INSERT INTO golden_dept VALUES (1, 'eng'), (2, 'ops'), (3, 'sales');
COPY golden_emp (name, dept, salary, hired) FROM stdin;
ann	1	120.00	2020-01-15
bob	1	95.50	2021-03-01
cid	2	80.00	2019-07-30
dan	\N	60.00	2022-11-11
eve	2	80.00	2023-02-28
\.
SELECT e.name, d.name AS dept FROM golden_emp e JOIN golden_dept d ON d.id = e.dept ORDER BY e.name;
SELECT e.name, d.name AS dept FROM golden_emp e LEFT JOIN golden_dept d ON d.id = e.dept ORDER BY e.name;
SELECT d.name, count(e.id) AS people FROM golden_dept d LEFT JOIN golden_emp e ON e.dept = d.id GROUP BY d.name ORDER BY d.name;
SELECT e.name, d.name FROM golden_emp e FULL JOIN golden_dept d ON d.id = e.dept ORDER BY 1 NULLS FIRST, 2;
SELECT name FROM golden_emp WHERE dept IN (SELECT id FROM golden_dept WHERE name LIKE 'e%') ORDER BY 1;
SELECT name FROM golden_dept d WHERE NOT EXISTS (SELECT 1 FROM golden_emp e WHERE e.dept = d.id);
SELECT name, salary, (SELECT avg(salary) FROM golden_emp x WHERE x.dept = e.dept) AS dept_avg FROM golden_emp e ORDER BY id;
SELECT d.name, top.name FROM golden_dept d, LATERAL (SELECT name FROM golden_emp WHERE dept = d.id ORDER BY salary DESC LIMIT 1) top ORDER BY 1;
WITH RECURSIVE days(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM days WHERE n < 4) SELECT n, n * n AS sq FROM days;
WITH rich AS (SELECT * FROM golden_emp WHERE salary > 90) SELECT name FROM rich ORDER BY name;
SELECT name, dept, salary, rank() OVER (PARTITION BY dept ORDER BY salary DESC), sum(salary) OVER (ORDER BY id) AS running FROM golden_emp ORDER BY id;
SELECT name, lag(name) OVER (ORDER BY hired), lead(salary, 1, 0) OVER (ORDER BY hired) FROM golden_emp ORDER BY hired;
SELECT dept FROM golden_emp UNION SELECT id FROM golden_dept ORDER BY 1;
SELECT dept FROM golden_emp INTERSECT SELECT id FROM golden_dept ORDER BY 1;
SELECT id FROM golden_dept EXCEPT SELECT dept FROM golden_emp;
SELECT DISTINCT ON (dept) dept, name, salary FROM golden_emp ORDER BY dept, salary DESC, name;
SELECT dept, count(*), min(salary), max(salary), sum(salary) FILTER (WHERE hired > '2020-06-01') FROM golden_emp GROUP BY dept HAVING count(*) > 1 ORDER BY dept;
SELECT string_agg(name, ', ' ORDER BY name) FROM golden_emp;
SELECT * FROM generate_series(1, 3) AS g(n) CROSS JOIN (VALUES ('a'), ('b')) AS v(letter) ORDER BY 1, 2;
INSERT INTO golden_dept VALUES (3, 'marketing') ON CONFLICT DO NOTHING;
INSERT INTO golden_dept VALUES (3, 'marketing') ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING *;
UPDATE golden_emp SET salary = salary * 1.10 FROM golden_dept d WHERE d.id = golden_emp.dept AND d.name = 'ops' RETURNING golden_emp.name, salary;
DELETE FROM golden_dept WHERE id = 1;
SELECT count(*) FROM golden_emp WHERE salary BETWEEN 70 AND 100 AND name <> 'bob';
COPY (SELECT id, name FROM golden_emp ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER);
BEGIN;
DECLARE cur CURSOR FOR SELECT name FROM golden_emp ORDER BY name;
FETCH 2 FROM cur;
FETCH NEXT FROM cur;
CLOSE cur;
COMMIT;
PREPARE by_dept (int) AS SELECT name FROM golden_emp WHERE dept = $1 ORDER BY name;
EXECUTE by_dept(2);
DEALLOCATE by_dept;
DROP TABLE golden_emp, golden_dept;
