package io.shale.engine.isolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrency schedules in the manner of PostgreSQL's isolation tests; each expected log is what PostgreSQL 15
 * printed for the same permutation.
 */
@Timeout(30)
class IsolationScheduleTest extends ScheduleTestSupport {
    @Test
    void lostUpdateIsPreventedUnderReadCommitted() {
        assertThat(run(Schedules.lostUpdate())).isEqualTo("""
                step s1b: BEGIN
                step s2b: BEGIN
                step s1u: UPDATE 1
                step s2u: <waiting ...>
                step s1c: COMMIT
                step s2u: <... completed> UPDATE 1
                step s2c: COMMIT
                step s2s: [3] SELECT 1""");
    }

    @Test
    void readCommittedReChecksTheRowAfterWaiting() {
        assertThat(run(Schedules.readCommittedRecheck())).isEqualTo("""
                step s1b: BEGIN
                step s1u: UPDATE 1
                step s2u: <waiting ...>
                step s1c: COMMIT
                step s2u: <... completed> UPDATE 0
                step s2s: [1|2; 2|1] SELECT 2""");
    }

    @Test
    void nonRepeatableReadIsVisibleUnderReadCommitted() {
        assertThat(run(Schedules.nonRepeatableRead("READ COMMITTED"))).isEqualTo("""
                step s1b: BEGIN
                step s1r: [1] SELECT 1
                step s2u: UPDATE 1
                step s1r2: [5] SELECT 1
                step s1c: COMMIT""");
    }

    @Test
    void nonRepeatableReadIsNotVisibleUnderRepeatableRead() {
        assertThat(run(Schedules.nonRepeatableRead("REPEATABLE READ"))).isEqualTo("""
                step s1b: BEGIN
                step s1r: [1] SELECT 1
                step s2u: UPDATE 1
                step s1r2: [1] SELECT 1
                step s1c: COMMIT""");
    }

    @Test
    void repeatableReadWriteWriteConflictFailsToSerialize() {
        assertThat(run(Schedules.repeatableReadWriteConflict())).isEqualTo("""
                step s1b: BEGIN
                step s1r: [1] SELECT 1
                step s2b: BEGIN
                step s2u: UPDATE 1
                step s1u: <waiting ...>
                step s2c: COMMIT
                step s1u: <... completed> ERROR 40001: could not serialize access due to concurrent update
                step s1c: ROLLBACK
                step s2s: [11] SELECT 1""");
    }

    @Test
    void writeSkewIsAllowedUnderRepeatableRead() {
        assertThat(run(Schedules.writeSkew())).isEqualTo("""
                step s1b: BEGIN
                step s2b: BEGIN
                step s1r: [2] SELECT 1
                step s2r: [2] SELECT 1
                step s1u: UPDATE 1
                step s2u: UPDATE 1
                step s1c: COMMIT
                step s2c: COMMIT
                step s2s: [0] SELECT 1""");
    }

    @Test
    void phantomIsNotSeenUnderRepeatableRead() {
        assertThat(run(Schedules.phantom())).isEqualTo("""
                step s1b: BEGIN
                step s1r: [2] SELECT 1
                step s2i: INSERT 0 1
                step s1r2: [2] SELECT 1
                step s1c: COMMIT
                step s1r3: [3] SELECT 1""");
    }

    @Test
    void deadlockAbortsExactlyOneSession() {
        assertThat(run(Schedules.deadlock())).isEqualTo("""
                step s1b: BEGIN
                step s2b: BEGIN
                step s1a: UPDATE 1
                step s2a: UPDATE 1
                step s1x: <waiting ...>
                step s2x: <waiting ...>
                step s2x: <... completed> ERROR 40P01: deadlock detected
                step s1x: <... completed> UPDATE 1
                step s2r: ROLLBACK
                step s1c: COMMIT
                step s2s: [1|11; 2|12] SELECT 2""");
    }

    @Test
    void secondInsertOfAKeyFailsAfterTheFirstCommits() {
        assertThat(run(Schedules.uniqueInsert("COMMIT"))).isEqualTo("""
                step s1b: BEGIN
                step s1i: INSERT 0 1
                step s2i: <waiting ...>
                step s1e: COMMIT
                step s2i: <... completed> ERROR 23505: duplicate key value violates unique constraint "acc_pkey"
                step s2s: [1|1; 2|1; 3|1] SELECT 3""");
    }

    @Test
    void secondInsertOfAKeySucceedsAfterTheFirstRollsBack() {
        assertThat(run(Schedules.uniqueInsert("ROLLBACK"))).isEqualTo("""
                step s1b: BEGIN
                step s1i: INSERT 0 1
                step s2i: <waiting ...>
                step s1e: ROLLBACK
                step s2i: <... completed> INSERT 0 1
                step s2s: [1|1; 2|1; 3|2] SELECT 3""");
    }

    @Test
    void lockTimeoutCancelsTheWait() {
        assertThat(run(Schedules.lockTimeout())).isEqualTo("""
                step s1b: BEGIN
                step s1u: UPDATE 1
                step s2u: <waiting ...>
                step s2u: <... completed> ERROR 55P03: canceling statement due to lock timeout
                step s2s: [1] SELECT 1
                step s1c: COMMIT""");
    }

    @Test
    void readCommittedUpdateSkipsARowDeletedMeanwhile() {
        assertThat(run(Schedules.readCommittedUpdateOfDeletedRow())).isEqualTo("""
                step s1b: BEGIN
                step s1d: DELETE 1
                step s2u: <waiting ...>
                step s1c: COMMIT
                step s2u: <... completed> [2|2] UPDATE 1""");
    }

    @Test
    void repeatableReadUpdateOfAConcurrentlyDeletedRowFailsToSerialize() {
        assertThat(run(Schedules.repeatableReadConcurrentDelete())).isEqualTo("""
                step s1b: BEGIN
                step s1r: [2] SELECT 1
                step s2b: BEGIN
                step s2d: DELETE 1
                step s1u: <waiting ...>
                step s2c: COMMIT
                step s1u: <... completed> ERROR 40001: could not serialize access due to concurrent delete
                step s1e: ROLLBACK""");
    }

    @Test
    void onConflictDoNothingWaitsForTheOtherInsert() {
        assertThat(run(Schedules.onConflictDoNothing())).isEqualTo("""
                step s1b: BEGIN
                step s1i: INSERT 0 1
                step s2i: <waiting ...>
                step s1c: COMMIT
                step s2i: <... completed> INSERT 0 0
                step s2s: [3|1] SELECT 1""");
    }

    @Test
    void errorAfterASavepointReleasesTheLocksTakenSince() {
        assertThat(run(Schedules.errorAfterSavepoint())).isEqualTo("""
                step s1b: BEGIN
                step s1a: UPDATE 1
                step s1s: SAVEPOINT
                step s1x: UPDATE 1
                step s1f: ERROR 22012: division by zero
                step s2u: UPDATE 1
                step s1r: ROLLBACK
                step s2s: [1|1; 2|22] SELECT 2""");
    }
}
