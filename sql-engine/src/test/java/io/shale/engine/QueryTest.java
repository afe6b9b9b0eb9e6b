package io.shale.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SELECT through the engine: joins, grouping, windows, CTEs, set operations, subqueries. */
@Timeout(60)
class QueryTest {
    private static EngineFixture fixture;
    private static SqlSession sql;

    @BeforeAll
    static void data() {
        fixture = new EngineFixture();
        sql = fixture.session();
        sql.execute("CREATE TABLE dept (id int PRIMARY KEY, name text NOT NULL)");
        sql.execute("CREATE TABLE emp (id int PRIMARY KEY, name text, dept int REFERENCES dept, salary numeric(8,2))");
        sql.execute("INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty')");
        sql.execute("INSERT INTO emp VALUES (1, 'ann', 1, 100), (2, 'bob', 1, 80), (3, 'cid', 2, 90), (4, 'dan', NULL, 70)");
    }

    @AfterAll
    static void close() {
        sql.close();
        fixture.close();
    }

    private static List<List<String>> rows(String... rows) {
        return java.util.Arrays.stream(rows).map(r -> List.of(r.split("\\|", -1))).toList();
    }

    @Test
    void joinsOfEveryKind() {
        assertThat(sql.query("SELECT e.name, d.name FROM emp e JOIN dept d ON d.id = e.dept ORDER BY 1"))
                .isEqualTo(rows("ann|eng", "bob|eng", "cid|ops"));
        assertThat(sql.query("SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON d.id = e.dept ORDER BY 1"))
                .isEqualTo(rows("ann|eng", "bob|eng", "cid|ops", "dan|null"));
        assertThat(sql.query("SELECT e.name, d.name FROM emp e RIGHT JOIN dept d ON d.id = e.dept ORDER BY 2, 1"))
                .isEqualTo(rows("null|empty", "ann|eng", "bob|eng", "cid|ops"));
        assertThat(sql.query("SELECT count(*) FROM emp e FULL JOIN dept d ON d.id = e.dept"))
                .isEqualTo(rows("5"));
        assertThat(sql.query("SELECT count(*) FROM emp, dept")).isEqualTo(rows("12"));
        assertThat(sql.query("SELECT d.name, x.n FROM dept d, LATERAL (SELECT count(*) AS n FROM emp WHERE dept = d.id) x ORDER BY 1"))
                .isEqualTo(rows("empty|0", "eng|2", "ops|1"));
    }

    @Test
    void groupingAndAggregates() {
        assertThat(sql.query("SELECT dept, count(*), sum(salary), max(name) FROM emp GROUP BY dept ORDER BY dept NULLS FIRST"))
                .isEqualTo(rows("null|1|70.00|dan", "1|2|180.00|bob", "2|1|90.00|cid"));
        assertThat(sql.query("SELECT dept FROM emp GROUP BY dept HAVING count(*) > 1")).isEqualTo(rows("1"));
        assertThat(sql.query("SELECT count(*), count(dept), count(DISTINCT dept) FROM emp")).isEqualTo(rows("4|3|2"));
        assertThat(sql.query("SELECT string_agg(name, ',' ORDER BY name DESC) FROM emp")).isEqualTo(rows("dan,cid,bob,ann"));
        assertThat(sql.query("SELECT count(*) FILTER (WHERE salary > 85) FROM emp")).isEqualTo(rows("2"));
        assertThat(sql.error("SELECT name, count(*) FROM emp")).startsWith("42803: column \"emp.name\" must appear in the GROUP BY clause");
    }

    @Test
    void windowFunctions() {
        assertThat(sql.query("SELECT name, row_number() OVER (ORDER BY salary DESC), sum(salary) OVER (PARTITION BY dept) "
                + "FROM emp WHERE dept IS NOT NULL ORDER BY name"))
                .isEqualTo(rows("ann|1|180.00", "bob|3|180.00", "cid|2|90.00"));
        assertThat(sql.query("SELECT name, rank() OVER w FROM emp WINDOW w AS (ORDER BY dept NULLS LAST) ORDER BY name"))
                .isEqualTo(rows("ann|1", "bob|1", "cid|3", "dan|4"));
    }

    @Test
    void subqueries() {
        assertThat(sql.query("SELECT name FROM dept WHERE id IN (SELECT dept FROM emp) ORDER BY 1")).isEqualTo(rows("eng", "ops"));
        assertThat(sql.query("SELECT name FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp WHERE dept = d.id)")).isEqualTo(rows("empty"));
        assertThat(sql.query("SELECT name, (SELECT max(salary) FROM emp WHERE dept = d.id) FROM dept d ORDER BY 1"))
                .isEqualTo(rows("empty|null", "eng|100.00", "ops|90.00"));
        assertThat(sql.query("SELECT name FROM emp WHERE salary > ALL (SELECT salary FROM emp WHERE dept = 2) ORDER BY 1"))
                .isEqualTo(rows("ann"));
        assertThat(sql.error("SELECT (SELECT id FROM emp)")).startsWith("21000");
    }

    @Test
    void commonTableExpressionsAndSetOperations() {
        assertThat(sql.query("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT sum(i) FROM n"))
                .isEqualTo(rows("15"));
        assertThat(sql.query("WITH big AS (SELECT * FROM emp WHERE salary >= 90) SELECT name FROM big ORDER BY name"))
                .isEqualTo(rows("ann", "cid"));
        assertThat(sql.query("SELECT dept FROM emp UNION SELECT id FROM dept ORDER BY 1")).isEqualTo(rows("1", "2", "3", "null"));
        assertThat(sql.query("SELECT id FROM dept EXCEPT SELECT dept FROM emp")).isEqualTo(rows("3"));
        assertThat(sql.query("SELECT 1 INTERSECT ALL SELECT 1")).isEqualTo(rows("1"));
        assertThat(sql.query("VALUES (2, 'b'), (1, 'a') ORDER BY 1")).isEqualTo(rows("1|a", "2|b"));
    }

    @Test
    void orderingDistinctAndLimits() {
        assertThat(sql.query("SELECT DISTINCT dept FROM emp ORDER BY dept DESC")).isEqualTo(rows("null", "2", "1"));
        assertThat(sql.query("SELECT DISTINCT ON (dept) dept, name FROM emp ORDER BY dept, salary DESC"))
                .isEqualTo(rows("1|ann", "2|cid", "null|dan"));
        assertThat(sql.query("SELECT name FROM emp ORDER BY salary LIMIT 2 OFFSET 1")).isEqualTo(rows("bob", "cid"));
        assertThat(sql.query("SELECT name FROM emp ORDER BY upper(name) DESC FETCH FIRST 1 ROWS ONLY")).isEqualTo(rows("dan"));
        assertThat(sql.error("SELECT 1 LIMIT -1")).startsWith("2201W");
        assertThat(sql.query("SELECT name FROM emp ORDER BY salary LIMIT 1 FOR UPDATE")).isEqualTo(rows("dan"));
    }

    @Test
    void namesAndErrors() {
        assertThat(sql.error("SELECT nam FROM emp")).isEqualTo("42703: column \"nam\" does not exist");
        assertThat(sql.error("SELECT id FROM emp, dept")).startsWith("42702: column reference \"id\" is ambiguous");
        assertThat(sql.error("SELECT * FROM nowhere")).startsWith("42P01");
        assertThat(sql.error("SELECT nosuch(1)")).startsWith("42883: function nosuch(integer) does not exist");
        assertThat(sql.error("SELECT 1 +")).startsWith("42601");
        assertThat(sql.query("SELECT x.* FROM (SELECT 1 AS a, 'b' AS b) x")).isEqualTo(rows("1|b"));
    }

    @Test
    void indexScanFindsRowsThroughThePrimaryKey() {
        assertThat(sql.query("SELECT name FROM emp WHERE id = 3")).isEqualTo(rows("cid"));
        assertThat(sql.query("SELECT name FROM emp WHERE id > 2 ORDER BY id")).isEqualTo(rows("cid", "dan"));
        assertThat(sql.query("EXPLAIN SELECT name FROM emp WHERE id = 3")).isEqualTo(rows("Index Scan using emp_pkey on emp",
                "  Index Cond: (id = 3)"));
    }

    @Test
    void enumsOrderByDeclarationEverywhere() {
        sql.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        sql.execute("CREATE TABLE feeling (m mood)");
        sql.execute("INSERT INTO feeling VALUES ('happy'), ('sad'), ('ok')");
        sql.execute("CREATE INDEX ON feeling (m)");
        assertThat(sql.query("SELECT m FROM feeling ORDER BY m")).isEqualTo(rows("sad", "ok", "happy"));
        assertThat(sql.query("SELECT m FROM feeling WHERE m >= 'ok' ORDER BY m")).isEqualTo(rows("ok", "happy"));
        assertThat(sql.query("SELECT min(m), max(m) FROM feeling")).isEqualTo(rows("sad|happy"));
        assertThat(sql.query("SELECT m FROM feeling WHERE m = 'ok'")).isEqualTo(rows("ok"));
        assertThat(sql.query("SELECT greatest('ok'::mood, 'happy'::mood, 'sad'::mood), least('ok'::mood, 'happy'::mood)"))
                .isEqualTo(rows("happy|ok"));
    }
}
