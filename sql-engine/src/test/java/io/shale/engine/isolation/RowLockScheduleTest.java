package io.shale.engine.isolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Row-locking schedules; each expected log is what PostgreSQL 15 printed for the same permutation. */
@Timeout(30)
class RowLockScheduleTest extends ScheduleTestSupport {
    @Test
    void forUpdateBlocksAnUpdateUntilCommit() {
        assertThat(run(RowLockSchedules.forUpdateBlocksUpdate())).isEqualTo("""
                step s1b: BEGIN
                step s1l: [1|1] SELECT 1
                step s2u: <waiting ...>
                step s1c: COMMIT
                step s2u: <... completed> UPDATE 1
                step s2s: [1|2; 2|1] SELECT 2""");
    }

    @Test
    void forUpdateDropsARowThatNoLongerMatchesAfterTheWait() {
        assertThat(run(RowLockSchedules.forUpdateRecheck(3))).isEqualTo("""
                step s1b: BEGIN
                step s1u: UPDATE 1
                step s2w: <waiting ...>
                step s1c: COMMIT
                step s2w: <... completed> [2|1] SELECT 1""");
    }

    @Test
    void forUpdateReturnsTheNewestVersionThatStillMatches() {
        assertThat(run(RowLockSchedules.forUpdateRecheck(10))).isEqualTo("""
                step s1b: BEGIN
                step s1u: UPDATE 1
                step s2w: <waiting ...>
                step s1c: COMMIT
                step s2w: <... completed> [1|5; 2|1] SELECT 2""");
    }

    @Test
    void forUpdateOfAJoinedTableReChecksTheJoinCondition() {
        assertThat(run(RowLockSchedules.forUpdateOfJoinRecheck())).isEqualTo("""
                step s1b: BEGIN
                step s1u: UPDATE 1
                step s2j: <waiting ...>
                step s1c: COMMIT
                step s2j: <... completed> [] SELECT 0""");
    }

    @Test
    void nowaitFailsOnALockedRow() {
        assertThat(run(RowLockSchedules.nowait())).isEqualTo("""
                step s1b: BEGIN
                step s1l: [1|1] SELECT 1
                step s2nw: ERROR 55P03: could not obtain lock on row in relation "acc"
                step s1c: COMMIT""");
    }

    @Test
    void skipLockedHandsEachConsumerAnotherRow() {
        assertThat(run(RowLockSchedules.skipLockedQueue())).isEqualTo("""
                step s1b: BEGIN
                step s1q: [1] SELECT 1
                step s2b: BEGIN
                step s2q: [2] SELECT 1
                step s1c: COMMIT
                step s2c: COMMIT""");
    }

    @Test
    void forUpdateWaitsForAnotherSharer() {
        assertThat(run(RowLockSchedules.shareThenUpdate())).isEqualTo("""
                step s1b: BEGIN
                step s1sh: [1|1] SELECT 1
                step s2b: BEGIN
                step s2sh: [1|1] SELECT 1
                step s2l: <waiting ...>
                step s1c: COMMIT
                step s2l: <... completed> [1|1] SELECT 1
                step s2c: COMMIT""");
    }

    @Test
    void keyShareLetsANonKeyUpdateThroughAndBlocksAKeyUpdate() {
        assertThat(run(RowLockSchedules.keyShareAllowsNonKeyUpdate())).isEqualTo("""
                step s1b: BEGIN
                step s1ks: [1|1] SELECT 1
                step s2u: UPDATE 1
                step s2k: <waiting ...>
                step s1c: COMMIT
                step s2k: <... completed> UPDATE 1
                step s2s: [2|1; 3|2] SELECT 2""");
    }

    @Test
    void repeatableReadForUpdateOfAChangedRowFailsToSerialize() {
        assertThat(run(RowLockSchedules.repeatableReadForUpdate())).isEqualTo("""
                step s1rr: BEGIN
                step s1r: [2] SELECT 1
                step s2u: UPDATE 1
                step s1l: ERROR 40001: could not serialize access due to concurrent update
                step s1c: ROLLBACK""");
    }
}
