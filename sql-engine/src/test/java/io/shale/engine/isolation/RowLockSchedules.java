package io.shale.engine.isolation;

/** Schedules of SELECT … FOR UPDATE / SHARE; their expected logs were taken from PostgreSQL 15's isolationtester. */
final class RowLockSchedules {
    private RowLockSchedules() {
    }

    private static Schedule.Builder acc(String name) {
        return Schedule.named(name).setup("CREATE TABLE acc (id int PRIMARY KEY, v int NOT NULL)",
                "INSERT INTO acc VALUES (1, 1), (2, 1)");
    }

    static Schedule forUpdateBlocksUpdate() {
        return acc("select for update blocks an update until commit")
                .step("s1b", "BEGIN").step("s1l", "SELECT * FROM acc WHERE id = 1 FOR UPDATE").step("s1c", "COMMIT")
                .step("s2u", "UPDATE acc SET v = v + 1 WHERE id = 1").step("s2s", "SELECT id, v FROM acc ORDER BY id")
                .permutation("s1b", "s1l", "s2u", "s1c", "s2s");
    }

    /** EvalPlanQual: after the wait, the newest version is re-checked ({@code bound} 3 drops it, 10 keeps it). */
    static Schedule forUpdateRecheck(int bound) {
        return acc("select for update re-checks a row changed while it waited")
                .step("s1b", "BEGIN").step("s1u", "UPDATE acc SET v = 5 WHERE id = 1").step("s1c", "COMMIT")
                .step("s2w", "SELECT id, v FROM acc WHERE v < " + bound + " ORDER BY id FOR UPDATE")
                .permutation("s1b", "s1u", "s2w", "s1c");
    }

    /** EvalPlanQual of a join: the locked row changed so that the join condition no longer holds. */
    static Schedule forUpdateOfJoinRecheck() {
        return acc("select for update of a joined table re-checks the join condition")
                .setup("CREATE TABLE ref (id int PRIMARY KEY, acc_id int)", "INSERT INTO ref VALUES (10, 1), (20, 2)")
                .step("s1b", "BEGIN").step("s1u", "UPDATE ref SET acc_id = 2 WHERE id = 10").step("s1c", "COMMIT")
                .step("s2j", "SELECT acc.id, ref.id FROM acc JOIN ref ON ref.acc_id = acc.id WHERE acc.id = 1 FOR UPDATE OF ref")
                .permutation("s1b", "s1u", "s2j", "s1c");
    }

    static Schedule nowait() {
        return acc("nowait fails on a locked row")
                .step("s1b", "BEGIN").step("s1l", "SELECT * FROM acc WHERE id = 1 FOR UPDATE").step("s1c", "COMMIT")
                .step("s2nw", "SELECT * FROM acc WHERE id = 1 FOR UPDATE NOWAIT")
                .permutation("s1b", "s1l", "s2nw", "s1c");
    }

    static Schedule skipLockedQueue() {
        return acc("skip locked hands each consumer another row")
                .step("s1b", "BEGIN").step("s1q", "SELECT id FROM acc ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .step("s1c", "COMMIT")
                .step("s2b", "BEGIN").step("s2q", "SELECT id FROM acc ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .step("s2c", "COMMIT")
                .permutation("s1b", "s1q", "s2b", "s2q", "s1c", "s2c");
    }

    static Schedule shareThenUpdate() {
        return acc("for share is shared, for update waits for the other sharer")
                .step("s1b", "BEGIN").step("s1sh", "SELECT * FROM acc WHERE id = 1 FOR SHARE").step("s1c", "COMMIT")
                .step("s2b", "BEGIN").step("s2sh", "SELECT * FROM acc WHERE id = 1 FOR SHARE")
                .step("s2l", "SELECT * FROM acc WHERE id = 1 FOR UPDATE").step("s2c", "COMMIT")
                .permutation("s1b", "s1sh", "s2b", "s2sh", "s2l", "s1c", "s2c");
    }

    static Schedule keyShareAllowsNonKeyUpdate() {
        return acc("for key share lets a non-key update through and blocks a key update")
                .step("s1b", "BEGIN").step("s1ks", "SELECT * FROM acc WHERE id = 1 FOR KEY SHARE").step("s1c", "COMMIT")
                .step("s2u", "UPDATE acc SET v = v + 1 WHERE id = 1").step("s2k", "UPDATE acc SET id = 3 WHERE id = 1")
                .step("s2s", "SELECT id, v FROM acc ORDER BY id")
                .permutation("s1b", "s1ks", "s2u", "s2k", "s1c", "s2s");
    }

    static Schedule repeatableReadForUpdate() {
        return acc("repeatable read select for update of a row updated since the snapshot")
                .step("s1rr", "BEGIN ISOLATION LEVEL REPEATABLE READ").step("s1r", "SELECT count(*) FROM acc")
                .step("s1l", "SELECT * FROM acc WHERE id = 1 FOR UPDATE").step("s1c", "COMMIT")
                .step("s2u", "UPDATE acc SET v = v + 1 WHERE id = 1")
                .permutation("s1rr", "s1r", "s2u", "s1l", "s1c");
    }
}
