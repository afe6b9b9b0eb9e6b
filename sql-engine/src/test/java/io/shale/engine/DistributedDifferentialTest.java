package io.shale.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random queries (filters, joins, aggregates, GROUP BY, ORDER BY … LIMIT) over the same rows in distributed tables
 * and in plain tables must give the same rows. The seed is printed; replay with {@code -Dseed=…}.
 */
@Timeout(120)
class DistributedDifferentialTest {
    private static final int QUERIES = 300;
    private static EngineFixture fixture;
    private static SqlSession s;

    @BeforeAll
    static void setUp() {
        fixture = new EngineFixture();
        s = fixture.session();
        DistributedTables tables = new DistributedTables(fixture.engine, s);
        int colocation = tables.hash("d1", "(k int, a int, b text, c numeric)", "k", 6, 0);
        tables.hash("d2", "(k int, x int)", "k", 6, colocation);
        tables.reference("r1", "(id int, tag text)");
        s.execute("CREATE TABLE p1 (k int, a int, b text, c numeric)");
        s.execute("CREATE TABLE p2 (k int, x int)");
        s.execute("CREATE TABLE pr1 (id int, tag text)");
        Random data = new Random(42);
        StringBuilder rows1 = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            rows1.append(i == 0 ? "" : ", ").append('(').append(data.nextInt(30)).append(", ")
                    .append(data.nextInt(8) == 0 ? "NULL" : Integer.toString(data.nextInt(100) - 20)).append(", ")
                    .append(data.nextInt(10) == 0 ? "NULL" : "'s" + data.nextInt(12) + "'").append(", ")
                    .append(data.nextInt(1000) / 10.0).append(')');
        }
        StringBuilder rows2 = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            rows2.append(i == 0 ? "" : ", ").append('(').append(data.nextInt(35)).append(", ").append(data.nextInt(50))
                    .append(')');
        }
        for (String t : new String[] {"d1", "p1"}) {
            s.execute("INSERT INTO " + t + " VALUES " + rows1);
        }
        for (String t : new String[] {"d2", "p2"}) {
            s.execute("INSERT INTO " + t + " VALUES " + rows2);
        }
        for (String t : new String[] {"r1", "pr1"}) {
            s.execute("INSERT INTO " + t + " SELECT g, 'tag' || (g % 4) FROM generate_series(0, 40) g");
        }
    }

    @AfterAll
    static void tearDown() {
        s.close();
        fixture.close();
    }

    @Test
    void distributedAndLocalGiveTheSameRows() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("DistributedDifferentialTest seed=" + seed);
        Random random = new Random(seed);
        for (int i = 0; i < QUERIES; i++) {
            Generated q = generate(random);
            String distributed = q.sql.replace("T1", "d1").replace("T2", "d2").replace("R1", "r1");
            String local = q.sql.replace("T1", "p1").replace("T2", "p2").replace("R1", "pr1");
            List<List<String>> expected = s.query(local);
            List<List<String>> actual = s.query(distributed);
            if (!q.ordered) {
                expected = sorted(expected);
                actual = sorted(actual);
            }
            assertThat(actual).as("seed %d query %s", seed, distributed).isEqualTo(expected);
        }
    }

    private record Generated(String sql, boolean ordered) {
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    private static String filter(Random r, String alias) {
        String p = alias.isEmpty() ? "" : alias + ".";
        return switch (r.nextInt(8)) {
            case 0 -> p + "k = " + r.nextInt(30);
            case 1 -> p + "a > " + (r.nextInt(100) - 20);
            case 2 -> p + "b LIKE 's1%'";
            case 3 -> p + "a IS NULL";
            case 4 -> p + "k IN (" + r.nextInt(30) + ", " + r.nextInt(30) + ")";
            case 5 -> p + "c BETWEEN " + r.nextInt(50) + " AND " + (50 + r.nextInt(50));
            case 6 -> "(" + p + "k = " + r.nextInt(30) + " OR " + p + "a < 0)";
            default -> p + "k = " + r.nextInt(30) + " AND " + p + "a IS NOT NULL";
        };
    }

    private static Generated generate(Random r) {
        String where = r.nextBoolean() ? " WHERE " + filter(r, "t") : "";
        return switch (r.nextInt(9)) {
            case 8 -> new Generated("SELECT t.a % 4 AS g, count(DISTINCT t.c), sum(DISTINCT t.a), "
                    + "string_agg(t.b, ',' ORDER BY t.b, t.k, t.a), array_agg(t.k ORDER BY t.k, t.a, t.c) "
                    + "FILTER (WHERE t.c > 20), round(stddev(t.c), 6), bit_or(t.k) FROM T1 t" + where
                    + " GROUP BY 1" + (r.nextBoolean() ? " HAVING count(DISTINCT t.b) > 1" : ""), false);
            case 7 -> new Generated("SELECT t.k, t.a, t.c, row_number() OVER (PARTITION BY t.k ORDER BY t.c, t.a, t.b) "
                    + "AS n, sum(t.a) OVER (PARTITION BY t.k) FROM T1 t" + where, false);
            case 0 -> new Generated("SELECT t.k, t.a, t.b, t.c FROM T1 t" + where, false);
            case 1 -> new Generated("SELECT count(*), count(t.a), sum(t.a), min(t.b), max(t.c), sum(t.c), "
                    + "avg(t.a), avg(t.c), bool_or(t.a > 50) FROM T1 t" + where, false);
            case 2 -> {
                String key = switch (r.nextInt(3)) {
                    case 0 -> "t.k";
                    case 1 -> "t.a % 3";
                    default -> "t.b";
                };
                String having = r.nextBoolean() ? " HAVING count(*) > " + r.nextInt(4) : "";
                yield new Generated("SELECT " + key + " AS g, count(*), sum(t.c), max(t.a) FROM T1 t" + where
                        + (r.nextBoolean() ? " GROUP BY 1" : " GROUP BY g") + having, false);
            }
            case 3 -> new Generated("SELECT t.k, t.a, u.x FROM T1 t JOIN T2 u ON t.k = u.k" + where, false);
            case 4 -> new Generated("SELECT t.k, count(*), sum(u.x) FROM T1 t JOIN T2 u ON u.k = t.k" + where
                    + " GROUP BY t.k", false);
            case 5 -> new Generated("SELECT t.k, t.a, t.b, t.c FROM T1 t" + where
                    + " ORDER BY t.c DESC, t.k, t.a NULLS FIRST, t.b LIMIT " + (1 + r.nextInt(20))
                    + (r.nextBoolean() ? " OFFSET " + r.nextInt(5) : ""), true);
            default -> new Generated("SELECT t.k, t.a, x.tag FROM T1 t JOIN R1 x ON x.id = t.a" + where, false);
        };
    }
}
