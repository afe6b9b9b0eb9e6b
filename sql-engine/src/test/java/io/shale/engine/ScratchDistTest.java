package io.shale.engine;

import org.junit.jupiter.api.Test;

class ScratchDistTest {
    @Test
    void scratch() {
        try (EngineFixture fixture = new EngineFixture(); SqlSession s = fixture.session()) {
            DistributedTables tables = new DistributedTables(fixture.engine, s);
            tables.hash("events", "(tenant int, id int, v text)", "tenant", 4, 0);
            for (String q : new String[] {"INSERT INTO events VALUES (1, 2, 'x'), (2, 3, 'y'), (3, 4, 'z')", "SELECT avg(id), avg(id::float8), avg(id::numeric(10,3)), sum(id::float4), avg(tenant::int8) FROM events", "SELECT avg(id), avg(id::float8), avg(id::numeric(10,3)), sum(id::float4), avg(tenant::int8) FROM events_102008", "SELECT * FROM events WHERE tenant = 1 AND id = 2", "PREPARE p(int) AS SELECT * FROM events WHERE tenant = $1", "EXECUTE p(2)", "EXPLAIN EXECUTE p(2)", "WITH x AS (SELECT * FROM events) SELECT count(*) FROM x", "SELECT count(*) FROM events WHERE id IN (SELECT id FROM events)", "SELECT * FROM events UNION SELECT * FROM events", "SELECT * FROM events_102008", "SELECT * FROM events_102009",
                    "SELECT * FROM events_102010", "SELECT * FROM events_102011", "SELECT * FROM events", "EXPLAIN SELECT * FROM events",
                    "EXPLAIN SELECT * FROM events WHERE tenant = 1", "EXPLAIN SELECT count(*) FROM events", "EXPLAIN INSERT INTO events VALUES (1, 2, 'x')"}) {
                try {
                    System.out.println(q + " => " + s.outcome(q));
                } catch (RuntimeException e) {
                    System.out.println(q + " => " + e);
                    e.printStackTrace(System.out);
                }
            }
        }
    }
}
