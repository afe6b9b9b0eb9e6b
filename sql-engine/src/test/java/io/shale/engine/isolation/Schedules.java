package io.shale.engine.isolation;

/** The schedules of the isolation suite; their expected logs were taken from PostgreSQL 15. */
final class Schedules {
    private static final String ACC = "CREATE TABLE acc (id int PRIMARY KEY, v int NOT NULL)";
    private static final String ROWS = "INSERT INTO acc VALUES (1, 1), (2, 1)";
    private static final String SHORT_DEADLOCK = "SET deadlock_timeout = '400ms'";
    private static final String LONG_DEADLOCK = "SET deadlock_timeout = '10s'";

    private Schedules() {
    }

    private static Schedule.Builder acc(String name) {
        return Schedule.named(name).setup(ACC, ROWS);
    }

    static Schedule lostUpdate() {
        return acc("lost update prevented under read committed")
                .step("s1b", "BEGIN").step("s1u", "UPDATE acc SET v = v + 1 WHERE id = 1").step("s1c", "COMMIT")
                .step("s2b", "BEGIN").step("s2u", "UPDATE acc SET v = v + 1 WHERE id = 1").step("s2c", "COMMIT")
                .step("s2s", "SELECT v FROM acc WHERE id = 1")
                .permutation("s1b", "s2b", "s1u", "s2u", "s1c", "s2c", "s2s");
    }

    static Schedule readCommittedRecheck() {
        return acc("read committed re-checks the row after waiting")
                .step("s1b", "BEGIN").step("s1u", "UPDATE acc SET v = 2 WHERE id = 1").step("s1c", "COMMIT")
                .step("s2u", "UPDATE acc SET v = 10 WHERE id = 1 AND v = 1")
                .step("s2s", "SELECT id, v FROM acc ORDER BY id")
                .permutation("s1b", "s1u", "s2u", "s1c", "s2s");
    }

    static Schedule nonRepeatableRead(String level) {
        return acc("non-repeatable read under " + level)
                .step("s1b", "BEGIN ISOLATION LEVEL " + level).step("s1r", "SELECT v FROM acc WHERE id = 1")
                .step("s1r2", "SELECT v FROM acc WHERE id = 1").step("s1c", "COMMIT")
                .step("s2u", "UPDATE acc SET v = 5 WHERE id = 1")
                .permutation("s1b", "s1r", "s2u", "s1r2", "s1c");
    }

    static Schedule repeatableReadWriteConflict() {
        return acc("repeatable read write-write conflict")
                .step("s1b", "BEGIN ISOLATION LEVEL REPEATABLE READ").step("s1r", "SELECT v FROM acc WHERE id = 1")
                .step("s1u", "UPDATE acc SET v = v + 1 WHERE id = 1").step("s1c", "COMMIT")
                .step("s2b", "BEGIN").step("s2u", "UPDATE acc SET v = v + 10 WHERE id = 1").step("s2c", "COMMIT")
                .step("s2s", "SELECT v FROM acc WHERE id = 1")
                .permutation("s1b", "s1r", "s2b", "s2u", "s1u", "s2c", "s1c", "s2s");
    }

    static Schedule writeSkew() {
        return Schedule.named("write skew allowed under repeatable read")
                .setup("CREATE TABLE doctor (name text PRIMARY KEY, on_call boolean NOT NULL)",
                        "INSERT INTO doctor VALUES ('alice', true), ('bob', true)")
                .step("s1b", "BEGIN ISOLATION LEVEL REPEATABLE READ")
                .step("s1r", "SELECT count(*) FROM doctor WHERE on_call")
                .step("s1u", "UPDATE doctor SET on_call = false WHERE name = 'alice'").step("s1c", "COMMIT")
                .step("s2b", "BEGIN ISOLATION LEVEL REPEATABLE READ")
                .step("s2r", "SELECT count(*) FROM doctor WHERE on_call")
                .step("s2u", "UPDATE doctor SET on_call = false WHERE name = 'bob'").step("s2c", "COMMIT")
                .step("s2s", "SELECT count(*) FROM doctor WHERE on_call")
                .permutation("s1b", "s2b", "s1r", "s2r", "s1u", "s2u", "s1c", "s2c", "s2s");
    }

    static Schedule phantom() {
        return acc("phantom not seen under repeatable read")
                .step("s1b", "BEGIN ISOLATION LEVEL REPEATABLE READ").step("s1r", "SELECT count(*) FROM acc")
                .step("s1r2", "SELECT count(*) FROM acc WHERE v = 1").step("s1c", "COMMIT")
                .step("s1r3", "SELECT count(*) FROM acc")
                .step("s2i", "INSERT INTO acc VALUES (3, 1)")
                .permutation("s1b", "s1r", "s2i", "s1r2", "s1c", "s1r3");
    }

    static Schedule deadlock() {
        return acc("deadlock between two sessions")
                .session("s1", LONG_DEADLOCK).session("s2", SHORT_DEADLOCK)
                .step("s1b", "BEGIN").step("s1a", "UPDATE acc SET v = 11 WHERE id = 1")
                .step("s1x", "UPDATE acc SET v = 12 WHERE id = 2").step("s1c", "COMMIT")
                .step("s2b", "BEGIN").step("s2a", "UPDATE acc SET v = 22 WHERE id = 2")
                .step("s2x", "UPDATE acc SET v = 21 WHERE id = 1").step("s2r", "ROLLBACK")
                .step("s2s", "SELECT id, v FROM acc ORDER BY id")
                .permutation("s1b", "s2b", "s1a", "s2a", "s1x", "s2x", "s2r", "s1c", "s2s");
    }

    static Schedule uniqueInsert(String end) {
        return acc("concurrent inserts of one primary key, first ends with " + end)
                .step("s1b", "BEGIN").step("s1i", "INSERT INTO acc VALUES (3, 1)").step("s1e", end)
                .step("s2i", "INSERT INTO acc VALUES (3, 2)")
                .step("s2s", "SELECT id, v FROM acc ORDER BY id")
                .permutation("s1b", "s1i", "s2i", "s1e", "s2s");
    }

    static Schedule lockTimeout() {
        return acc("lock timeout")
                .session("s2", "SET lock_timeout = '300ms'")
                .step("s1b", "BEGIN").step("s1u", "UPDATE acc SET v = 2 WHERE id = 1").step("s1c", "COMMIT")
                .step("s2u", "UPDATE acc SET v = 3 WHERE id = 1").step("s2s", "SELECT v FROM acc WHERE id = 1")
                .permutation("s1b", "s1u", "s2u", "s2s", "s1c");
    }

    static Schedule readCommittedUpdateOfDeletedRow() {
        return acc("read committed update of a row deleted meanwhile")
                .step("s1b", "BEGIN").step("s1d", "DELETE FROM acc WHERE id = 1").step("s1c", "COMMIT")
                .step("s2u", "UPDATE acc SET v = v + 1 RETURNING id, v")
                .permutation("s1b", "s1d", "s2u", "s1c");
    }

    static Schedule repeatableReadConcurrentDelete() {
        return acc("repeatable read update of a row deleted concurrently")
                .step("s1b", "BEGIN ISOLATION LEVEL REPEATABLE READ").step("s1r", "SELECT count(*) FROM acc")
                .step("s1u", "UPDATE acc SET v = 7 WHERE id = 1").step("s1e", "ROLLBACK")
                .step("s2b", "BEGIN").step("s2d", "DELETE FROM acc WHERE id = 1").step("s2c", "COMMIT")
                .permutation("s1b", "s1r", "s2b", "s2d", "s1u", "s2c", "s1e");
    }

    static Schedule onConflictDoNothing() {
        return acc("insert on conflict do nothing waits for the other insert")
                .step("s1b", "BEGIN").step("s1i", "INSERT INTO acc VALUES (3, 1)").step("s1c", "COMMIT")
                .step("s2i", "INSERT INTO acc VALUES (3, 2) ON CONFLICT DO NOTHING")
                .step("s2s", "SELECT id, v FROM acc WHERE id = 3")
                .permutation("s1b", "s1i", "s2i", "s1c", "s2s");
    }

    static Schedule errorAfterSavepoint() {
        return acc("an error after a savepoint releases the locks taken since")
                .step("s1b", "BEGIN").step("s1a", "UPDATE acc SET v = 11 WHERE id = 1").step("s1s", "SAVEPOINT a")
                .step("s1x", "UPDATE acc SET v = 12 WHERE id = 2").step("s1f", "SELECT 1 / 0")
                .step("s1r", "ROLLBACK")
                .step("s2u", "UPDATE acc SET v = 22 WHERE id = 2")
                .step("s2s", "SELECT id, v FROM acc ORDER BY id")
                .permutation("s1b", "s1a", "s1s", "s1x", "s1f", "s2u", "s1r", "s2s");
    }
}
