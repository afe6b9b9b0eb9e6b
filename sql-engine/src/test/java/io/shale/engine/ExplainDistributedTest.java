package io.shale.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** EXPLAIN of distributed queries in Citus's shape: the custom scan, its tasks, their node and the worker plan. */
@Timeout(60)
class ExplainDistributedTest {
    private static EngineFixture fixture;
    private static SqlSession s;

    @BeforeAll
    static void setUp() {
        fixture = new EngineFixture();
        s = fixture.session();
        s.execute("CREATE TABLE events (tenant int, id int, v text)");
        s.execute("SELECT create_distributed_table('events', 'tenant', shard_count => 4)");
    }

    @AfterAll
    static void tearDown() {
        s.close();
        fixture.close();
    }

    private static List<String> plan(String sql) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : s.query("EXPLAIN " + sql)) {
            lines.add(row.getFirst());
        }
        return lines;
    }

    @Test
    void routerShowsAllTasks() {
        assertThat(plan("SELECT * FROM events WHERE tenant = 1")).containsExactly(
                "Custom Scan (Citus Adaptive)",
                "  Task Count: 1",
                "  Tasks Shown: All",
                "  ->  Task",
                "        Node: host=localhost port=5432 dbname=postgres",
                "        ->  Seq Scan on events_102008");
    }

    @Test
    void multiShardShowsOneTaskUnderTheMerge() {
        assertThat(plan("SELECT count(*) FROM events")).containsExactly(
                "Aggregate",
                "  ->  Custom Scan (Citus Adaptive)",
                "        Task Count: 4",
                "        Tasks Shown: One of 4",
                "        ->  Task",
                "              Node: host=localhost port=5432 dbname=postgres",
                "              ->  Aggregate",
                "                    ->  Seq Scan on events_102008");
    }

    @Test
    void modificationsAndSortedLimits() {
        assertThat(plan("INSERT INTO events VALUES (1, 1, 'x')")).contains("        ->  Insert on events_102008");
        assertThat(plan("SELECT id FROM events ORDER BY id LIMIT 5")).startsWith("Limit", "  ->  Sort",
                "        ->  Custom Scan (Citus Adaptive)");
        assertThat(plan("DELETE FROM events")).contains("  Task Count: 4", "  Tasks Shown: One of 4");
    }
}
