package io.shale.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index use by the planner: equality, ranges, IN lists and = ANY, ORDER BY … LIMIT forwards and backwards,
 * multi-column, unique and descending indexes. Plans are compared with what PostgreSQL 15 prints (where it
 * chooses a plain index scan too); results are compared with the same query on an unindexed copy.
 */
@Timeout(60)
class IndexScanTest {
    private EngineFixture fixture;
    private SqlSession sql;

    @BeforeEach
    void open() {
        fixture = new EngineFixture();
        sql = fixture.session();
        sql.execute("CREATE TABLE it (id int PRIMARY KEY, a int, b int, name text, big bigint)");
        sql.execute("CREATE INDEX it_a_b ON it (a, b)");
        sql.execute("CREATE INDEX it_b_desc ON it (b DESC)");
        sql.execute("CREATE UNIQUE INDEX it_name ON it (name)");
        sql.execute("CREATE INDEX it_big ON it (big DESC NULLS LAST)");
        sql.execute("CREATE TABLE copy (id int, a int, b int, name text, big bigint)");
        long seed = System.nanoTime();
        System.out.println("IndexScanTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder values = new StringBuilder();
        for (int id = 1; id <= 600; id++) {
            String b = random.nextInt(10) == 0 ? "NULL" : Integer.toString(random.nextInt(-20, 120));
            String big = random.nextInt(8) == 0 ? "NULL" : Long.toString(random.nextLong(-1000, 1000));
            values.append(id == 1 ? "" : ", ").append('(').append(id).append(", ").append(id % 10).append(", ")
                    .append(b).append(", 'n").append(id).append("', ").append(big).append(')');
        }
        sql.execute("INSERT INTO it VALUES " + values);
        sql.execute("INSERT INTO copy SELECT * FROM it");
    }

    @AfterEach
    void close() {
        sql.close();
        fixture.close();
    }

    private String plan(String query) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : sql.query("EXPLAIN (COSTS OFF) " + query)) {
            lines.add(row.getFirst());
        }
        return String.join("\n", lines);
    }

    @Test
    void equalityRangesAndListsShowTheirIndexCondition() {
        assertThat(plan("SELECT * FROM it WHERE id = 5")).isEqualTo("""
                Index Scan using it_pkey on it
                  Index Cond: (id = 5)""");
        assertThat(plan("SELECT * FROM it WHERE id BETWEEN 10 AND 20")).isEqualTo("""
                Index Scan using it_pkey on it
                  Index Cond: ((id >= 10) AND (id <= 20))""");
        assertThat(plan("SELECT * FROM it WHERE id > 99990")).isEqualTo("""
                Index Scan using it_pkey on it
                  Index Cond: (id > 99990)""");
        assertThat(plan("SELECT * FROM it WHERE id IN (1, 2, 3)")).isEqualTo("""
                Index Scan using it_pkey on it
                  Index Cond: (id = ANY ('{1,2,3}'::integer[]))""");
        assertThat(plan("SELECT * FROM it WHERE id = ANY ('{1,2,3}'::int[])")).isEqualTo("""
                Index Scan using it_pkey on it
                  Index Cond: (id = ANY ('{1,2,3}'::integer[]))""");
        assertThat(plan("SELECT * FROM it WHERE a = 3 AND b >= 50 AND b < 53")).isEqualTo("""
                Index Scan using it_a_b on it
                  Index Cond: ((a = 3) AND (b >= 50) AND (b < 53))""");
        assertThat(plan("SELECT * FROM it WHERE name = 'n5'")).isEqualTo("""
                Index Scan using it_name on it
                  Index Cond: (name = 'n5'::text)""");
        assertThat(plan("SELECT * FROM it WHERE a + 1 = 3")).isEqualTo("Seq Scan on it");
    }

    @Test
    void orderByLimitWalksAnIndexInEitherDirection() {
        assertThat(plan("SELECT * FROM it ORDER BY id LIMIT 5")).isEqualTo("""
                Limit
                  ->  Index Scan using it_pkey on it""");
        assertThat(plan("SELECT * FROM it ORDER BY id DESC LIMIT 5")).isEqualTo("""
                Limit
                  ->  Index Scan Backward using it_pkey on it""");
        assertThat(plan("SELECT * FROM it WHERE a = 3 ORDER BY b LIMIT 5")).isEqualTo("""
                Limit
                  ->  Index Scan using it_a_b on it
                        Index Cond: (a = 3)""");
        assertThat(plan("SELECT * FROM it ORDER BY b DESC NULLS FIRST LIMIT 5")).isEqualTo("""
                Limit
                  ->  Index Scan using it_b_desc on it""");
        assertThat(plan("SELECT * FROM it ORDER BY b LIMIT 5")).isEqualTo("""
                Limit
                  ->  Index Scan Backward using it_b_desc on it""");
        assertThat(plan("SELECT * FROM it WHERE b < 5 ORDER BY b DESC LIMIT 3")).isEqualTo("""
                Limit
                  ->  Index Scan using it_b_desc on it
                        Index Cond: (b < 5)""");
        assertThat(plan("SELECT id FROM it ORDER BY b NULLS FIRST LIMIT 5")).isEqualTo("""
                Limit
                  ->  Sort
                        ->  Seq Scan on it""");
        assertThat(plan("SELECT id FROM it ORDER BY a, b DESC LIMIT 5")).contains("Sort");
        assertThat(plan("SELECT * FROM it ORDER BY big DESC NULLS LAST LIMIT 5")).isEqualTo("""
                Limit
                  ->  Index Scan using it_big on it""");
        assertThat(plan("SELECT * FROM it ORDER BY big NULLS FIRST LIMIT 5")).isEqualTo("""
                Limit
                  ->  Index Scan Backward using it_big on it""");
    }

    @Test
    void indexScansReturnWhatASequentialScanReturns() {
        String[] conditions = {"id = 17", "id BETWEEN 100 AND 140", "id > 590", "id < 3", "id >= 599", "id <= 2",
            "id IN (5, 1, 5, 700, 42)", "id = ANY ('{9,3,NULL}'::int[])", "id IN (NULL)", "a = 3 AND b >= 50 AND b < 80",
            "a = 7 AND b > 100", "a = 2 AND b IN (1, 2, 3, 50)", "b > 100", "b <= -10", "b >= 0 AND b < 5",
            "b BETWEEN 10 AND 12", "b IS NULL", "name = 'n77'", "name > 'n598'", "name IN ('n1', 'n10', 'zzz')",
            "big > 990", "big <= -990", "big BETWEEN -3 AND 3", "big IS NULL AND a = 1", "a = 4", "id = NULL",
            "b = ANY ('{}'::int[])"};
        for (String condition : conditions) {
            String order = " ORDER BY id";
            assertThat(sql.query("SELECT * FROM it WHERE " + condition + order)).as(condition)
                    .isEqualTo(sql.query("SELECT * FROM copy WHERE " + condition + order));
        }
        String[] orders = {"id", "id DESC", "b", "b DESC", "b NULLS FIRST", "b DESC NULLS LAST", "big DESC NULLS LAST",
            "big", "big DESC", "name DESC"};
        for (String order : orders) {
            for (String where : new String[] {"", " WHERE a = 5", " WHERE b < 30", " WHERE a = 1 AND b > 40"}) {
                String query = where + " ORDER BY " + order + ", id LIMIT 7";
                assertThat(sql.query("SELECT * FROM it" + where + " ORDER BY " + order + " LIMIT 7")).as(query)
                        .extracting(r -> r.get(0)).hasSize(sql.query("SELECT * FROM copy" + where + " ORDER BY " + order
                                + " LIMIT 7").size());
                List<List<String>> ours = sql.query("SELECT " + key(order) + " FROM it" + where + " ORDER BY " + order
                        + " LIMIT 7");
                List<List<String>> expected = sql.query("SELECT " + key(order) + " FROM copy" + where + " ORDER BY "
                        + order + " LIMIT 7");
                assertThat(ours).as(query).isEqualTo(expected);
            }
        }
        assertThat(sql.query("SELECT id FROM it WHERE a = 3 ORDER BY b, id LIMIT 4"))
                .isEqualTo(sql.query("SELECT id FROM copy WHERE a = 3 ORDER BY b, id LIMIT 4"));
    }

    /** The ordering column of an ORDER BY item (its values decide the order; ties may come in any order). */
    private static String key(String order) {
        return order.split(" ")[0];
    }

    @Test
    void indexesFollowWritesAndParameters() {
        sql.execute("UPDATE it SET b = 1000 WHERE id = 3");
        sql.execute("DELETE FROM it WHERE id = 4");
        assertThat(sql.query("SELECT id FROM it WHERE b = 1000")).containsExactly(List.of("3"));
        assertThat(sql.query("SELECT id FROM it ORDER BY b DESC NULLS LAST LIMIT 1")).containsExactly(List.of("3"));
        assertThat(sql.query("SELECT id FROM it WHERE id IN (3, 4, 5)")).containsExactly(List.of("3"), List.of("5"));
        sql.execute("PREPARE q(int) AS SELECT name FROM it WHERE id = $1");
        assertThat(sql.value("EXECUTE q(9)")).isEqualTo("n9");
    }
}
