package io.shale.engine;

import org.junit.jupiter.api.Test;

class ScratchDistTest {
    @Test
    void scratch() {
        try (EngineFixture fixture = new EngineFixture(); SqlSession s = fixture.session()) {
            DistributedTables tables = new DistributedTables(fixture.engine, s);
            tables.hash("events", "(tenant int, id int, v text)", "tenant", 4, 0);
            for (String q : new String[] {"INSERT INTO events VALUES (1, 2, 'x'), (2, 3, 'y')", "SELECT * FROM events_102008", "SELECT * FROM events_102009",
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
