package io.shale.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Distributed queries on one node whose coordinator holds every placement: each tier, the merge and the errors. */
@Timeout(60)
class DistributedQueryTest {
    private static EngineFixture fixture;
    private static SqlSession s;

    @BeforeAll
    static void setUp() {
        fixture = new EngineFixture();
        s = fixture.session();
        DistributedTables tables = new DistributedTables(fixture.engine, s);
        int colocation = tables.hash("events", "(tenant int, id int, v text, amount numeric)", "tenant", 4, 0);
        tables.hash("orders", "(tenant int, oid int, total int)", "tenant", 4, colocation);
        tables.hash("other", "(k int, tenant int)", "k", 3, 0);
        tables.reference("kinds", "(id int primary key, label text)");
        s.execute("CREATE TABLE plain (x int)");
        s.execute("INSERT INTO kinds VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        s.execute("INSERT INTO events SELECT g % 7, g, 'v' || g, g * 1.5 FROM generate_series(1, 50) g");
        s.execute("INSERT INTO orders SELECT g % 7, g, g * 10 FROM generate_series(1, 20) g");
    }

    @AfterAll
    static void tearDown() {
        s.close();
        fixture.close();
    }

    @Test
    void rowsAreSpreadOverTheShards() {
        assertThat(s.value("SELECT count(*) FROM events")).isEqualTo("50");
        assertThat(s.value("SELECT count(*) FROM events_102008") + s.value("SELECT count(*) FROM events_102009"))
                .isNotEqualTo("5000");
        assertThat(s.value("SELECT count(*) FROM events_102008")).isNotEqualTo("50");
        assertThat(s.value("SELECT count(*) FROM ONLY events")).isEqualTo("50");
    }

    @Test
    void fastPathAndRouter() {
        assertThat(s.query("SELECT id FROM events WHERE tenant = 3 ORDER BY id")).hasSize(7);
        assertThat(s.value("SELECT count(*) FROM events e JOIN orders o ON e.tenant = o.tenant WHERE e.tenant = 2"))
                .isEqualTo("21");
        assertThat(s.value("SELECT label FROM events JOIN kinds ON kinds.id = events.tenant WHERE events.tenant = 2 LIMIT 1"))
                .isEqualTo("two");
    }

    @Test
    void multiShardAggregates() {
        assertThat(s.query("SELECT count(*), sum(id), avg(id), min(v), max(amount) FROM events"))
                .containsExactly(List.of("50", "1275", "25.5000000000000000", "v1", "75.0"));
        assertThat(s.query("SELECT tenant, count(*) FROM events GROUP BY tenant ORDER BY tenant")).hasSize(7);
        assertThat(s.query("SELECT id % 2 AS parity, count(*) AS n, sum(amount) FROM events GROUP BY 1 ORDER BY 1"))
                .containsExactly(List.of("0", "25", "975.0"), List.of("1", "25", "937.5"));
        assertThat(s.value("SELECT count(DISTINCT tenant) FROM events")).isEqualTo("7");
    }

    @Test
    void rowGatherAggregates() {
        assertThat(s.query("SELECT count(DISTINCT id % 10), sum(DISTINCT id % 10), string_agg(v, ',' ORDER BY id) "
                + "FILTER (WHERE id < 4) FROM events")).containsExactly(List.of("10", "45", "v1,v2,v3"));
        assertThat(s.query("SELECT id % 2 AS p, array_agg(id ORDER BY id DESC) FILTER (WHERE id > 45), "
                + "max(id ORDER BY id), bit_or(id), count(*) FROM events GROUP BY 1 "
                + "HAVING stddev(id) > 1 ORDER BY 1")).containsExactly(List.of("0", "{50,48,46}", "50", "62", "25"),
                List.of("1", "{49,47}", "49", "63", "25"));
        assertThat(s.value("SELECT round(variance(amount), 4) FROM events WHERE tenant < 3")).isEqualTo("523.8750");
    }

    @Test
    void distinctAndDistinctOn() {
        assertThat(s.query("SELECT DISTINCT id % 3 FROM events ORDER BY 1"))
                .containsExactly(List.of("0"), List.of("1"), List.of("2"));
        assertThat(s.query("SELECT DISTINCT ON (id % 3) id % 3, id FROM events ORDER BY id % 3, id DESC"))
                .containsExactly(List.of("0", "48"), List.of("1", "49"), List.of("2", "50"));
        assertThat(s.query("SELECT DISTINCT ON (v) tenant FROM events WHERE id < 3 ORDER BY v LIMIT 1"))
                .containsExactly(List.of("1"));
    }

    @Test
    void orderByLimit() {
        assertThat(s.query("SELECT id FROM events ORDER BY id DESC LIMIT 3 OFFSET 1"))
                .containsExactly(List.of("49"), List.of("48"), List.of("47"));
        assertThat(s.query("SELECT v FROM events ORDER BY amount LIMIT 2")).containsExactly(List.of("v1"), List.of("v2"));
    }

    @Test
    void colocatedJoin() {
        assertThat(s.value("SELECT count(*) FROM events e JOIN orders o ON e.tenant = o.tenant")).isEqualTo(
                s.value("SELECT sum(c) FROM (SELECT e.tenant, count(*) c FROM events e JOIN orders o ON e.tenant = o.tenant GROUP BY e.tenant) x"));
    }

    @Test
    void recursivePlanning() {
        assertThat(s.value("WITH x AS (SELECT * FROM events) SELECT count(*) FROM x")).isEqualTo("50");
        assertThat(s.query("WITH x AS (SELECT id FROM events ORDER BY id LIMIT 3) SELECT count(*), max(id) FROM x"))
                .containsExactly(List.of("3", "3"));
        assertThat(s.value("SELECT count(*) FROM events WHERE id IN (SELECT oid FROM orders WHERE total > 100)"))
                .isEqualTo("10");
        assertThat(s.value("SELECT (SELECT max(id) FROM events) AS m")).isEqualTo("50");
        assertThat(s.value("SELECT count(*) FROM (SELECT tenant FROM events UNION SELECT tenant FROM orders) u"))
                .isEqualTo("7");
        s.execute("INSERT INTO plain VALUES (2), (3)");
        assertThat(s.value("SELECT count(*) FROM events WHERE tenant IN (SELECT x FROM plain)")).isEqualTo("14");
        assertThat(s.value("SELECT count(*) FROM plain WHERE x IN (SELECT tenant FROM events)")).isEqualTo("2");
        s.execute("DELETE FROM plain");
    }

    @Test
    void preparedFastPathPrunesAtEveryExecution() {
        s.execute("PREPARE point(int) AS SELECT count(*) FROM events WHERE tenant = $1");
        for (int t = 0; t < 7; t++) {
            assertThat(s.value("EXECUTE point(" + t + ")")).isEqualTo(t == 0 ? "7" : t == 1 ? "8" : "7");
        }
        s.execute("DEALLOCATE point");
    }

    @Test
    void windowsPartitionedByTheDistributionColumnPushDown() {
        assertThat(s.query("SELECT tenant, id, rank() OVER (PARTITION BY tenant ORDER BY id DESC) AS r FROM events "
                + "ORDER BY tenant, r LIMIT 2")).containsExactly(List.of("0", "49", "1"), List.of("0", "42", "2"));
        assertThat(s.error("SELECT id, rank() OVER (ORDER BY id) FROM events")).isEqualTo("0A000: could not run "
                + "distributed query because the window function that is used cannot be pushed down");
    }

    @Test
    void errors() {
        assertThat(s.error("SELECT * FROM events e JOIN other o ON e.tenant = o.k"))
                .isEqualTo("0A000: complex joins are only supported when all distributed tables are co-located and joined on their distribution columns");
        assertThat(s.error("SELECT * FROM events e JOIN plain p ON e.tenant = p.x"))
                .isEqualTo("0A000: direct joins between distributed and local tables are not supported");
    }
}
