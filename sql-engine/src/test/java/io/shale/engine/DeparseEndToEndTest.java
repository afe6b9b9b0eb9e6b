package io.shale.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pg_get_constraintdef, pg_get_expr and pg_get_viewdef through the engine; every expected text is
 * what PostgreSQL 15 prints for the same DDL.
 */
@Timeout(60)
class DeparseEndToEndTest {
    private static EngineFixture fixture;
    private static SqlSession sql;

    @BeforeAll
    static void schema() {
        fixture = new EngineFixture();
        sql = fixture.session();
        sql.execute("CREATE TABLE pr (a int, b numeric, c varchar(10), d text, e bigint, f float8, g boolean)");
        sql.execute("ALTER TABLE pr ADD CONSTRAINT k1 CHECK (a + 1 > 2 * a - 3)");
        sql.execute("ALTER TABLE pr ADD CONSTRAINT k2 CHECK (c IN ('x','y') AND a IN (1,2) AND d IN ('p'))");
        sql.execute("ALTER TABLE pr ADD CONSTRAINT k3 CHECK (c LIKE 'a%' OR d NOT ILIKE 'b%' OR NOT g)");
        sql.execute("ALTER TABLE pr ADD CONSTRAINT k4 CHECK (a BETWEEN 1 AND 10 AND b > 1.5 AND e > 5 AND f > 1)");
        sql.execute("ALTER TABLE pr ADD CONSTRAINT k5 CHECK (lower(c) <> 'q' AND a IS NOT NULL AND b > -1)");
        sql.execute("CREATE TABLE orders (id int PRIMARY KEY, customer_id int, qty int, price numeric(10,2))");
        sql.execute("CREATE VIEW big AS SELECT o.id, o.qty FROM orders o WHERE o.qty > 10");
        sql.execute("CREATE VIEW totals AS SELECT customer_id, count(*) AS n, sum(price) FROM orders GROUP BY customer_id");
    }

    @AfterAll
    static void close() {
        sql.close();
        fixture.close();
    }

    private static String constraint(String name, boolean pretty) {
        return sql.value("SELECT pg_get_constraintdef(oid, " + pretty + ") FROM pg_constraint WHERE conname = '" + name + "'");
    }

    @Test
    void checkConstraintsAsPostgresPrintsThem() {
        assertThat(constraint("k1", false)).isEqualTo("CHECK (((a + 1) > ((2 * a) - 3)))");
        assertThat(constraint("k1", true)).isEqualTo("CHECK ((a + 1) > (2 * a - 3))");
        assertThat(constraint("k2", false)).isEqualTo("CHECK ((((c)::text = ANY ((ARRAY['x'::character varying, "
                + "'y'::character varying])::text[])) AND (a = ANY (ARRAY[1, 2])) AND (d = 'p'::text)))");
        assertThat(constraint("k2", true)).isEqualTo("CHECK ((c::text = ANY (ARRAY['x'::character varying, "
                + "'y'::character varying]::text[])) AND (a = ANY (ARRAY[1, 2])) AND d = 'p'::text)");
        assertThat(constraint("k3", false)).isEqualTo("CHECK ((((c)::text ~~ 'a%'::text) OR (d !~~* 'b%'::text) OR (NOT g)))");
        assertThat(constraint("k3", true)).isEqualTo("CHECK (c::text ~~ 'a%'::text OR d !~~* 'b%'::text OR NOT g)");
        assertThat(constraint("k4", false)).isEqualTo("CHECK ((((a >= 1) AND (a <= 10)) AND (b > 1.5) AND (e > 5) "
                + "AND (f > (1)::double precision)))");
        assertThat(constraint("k5", true)).isEqualTo(
                "CHECK (lower(c::text) <> 'q'::text AND a IS NOT NULL AND b > '-1'::integer::numeric)");
    }

    @Test
    void viewsAsPostgresPrintsThem() {
        assertThat(sql.value("SELECT pg_get_viewdef('big'::regclass, true)"))
                .isEqualTo(" SELECT o.id,\n    o.qty\n   FROM orders o\n  WHERE o.qty > 10;");
        assertThat(sql.value("SELECT pg_get_viewdef('big'::regclass)"))
                .isEqualTo(" SELECT o.id,\n    o.qty\n   FROM orders o\n  WHERE (o.qty > 10);");
        assertThat(sql.value("SELECT pg_get_viewdef('totals'::regclass, true)")).isEqualTo(
                " SELECT orders.customer_id,\n    count(*) AS n,\n    sum(orders.price) AS sum\n   FROM orders\n"
                        + "  GROUP BY orders.customer_id;");
    }
}
