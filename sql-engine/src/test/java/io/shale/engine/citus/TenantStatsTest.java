package io.shale.engine.citus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenant monitor on an injected clock: counts, periods aligned on multiples of the period, score, limit. */
@Timeout(10)
class TenantStatsTest {
    private static final long SECOND = 1_000_000L;
    private static final int DB = 5;

    private final AtomicLong now = new AtomicLong(1_000_000 * 60 * SECOND + 10 * SECOND);
    private final TenantStats stats = new TenantStats(2, 60, now::get);

    private TenantStats.Row only(String attribute) {
        for (TenantStats.Row r : stats.rows(DB, true)) {
            if (java.util.Objects.equals(r.attribute(), attribute)) {
                return r;
            }
        }
        throw new AssertionError("no tenant " + attribute);
    }

    @Test
    void readsAndQueriesOfThisPeriod() {
        stats.record(DB, 1, "7", true, 0.25);
        stats.record(DB, 1, "7", true, 0.25);
        stats.record(DB, 1, "7", false, 0.5);
        TenantStats.Row r = only("7");
        assertThat(r.readsThisPeriod()).isEqualTo(2);
        assertThat(r.queriesThisPeriod()).isEqualTo(3);
        assertThat(r.cpuThisPeriod()).isEqualTo(1.0);
        assertThat(r.readsLastPeriod()).isZero();
        assertThat(r.score()).isEqualTo(3 * TenantStats.ONE_QUERY_SCORE);
        assertThat(stats.rows(DB + 1, true)).isEmpty();
    }

    @Test
    void countsMoveToTheLastPeriodAtTheBoundaryAndAreForgottenAfterTwo() {
        stats.record(DB, 1, "7", true, 0.5);
        stats.record(DB, 1, "7", false, 0);
        now.addAndGet(49 * SECOND);
        assertThat(only("7").queriesThisPeriod()).isEqualTo(2);
        now.addAndGet(2 * SECOND);
        TenantStats.Row next = only("7");
        assertThat(next.queriesThisPeriod()).isZero();
        assertThat(next.queriesLastPeriod()).isEqualTo(2);
        assertThat(next.readsLastPeriod()).isEqualTo(1);
        assertThat(next.cpuLastPeriod()).isEqualTo(0.5);
        assertThat(next.score()).isEqualTo(TenantStats.ONE_QUERY_SCORE);
        stats.record(DB, 1, "7", true, 0);
        assertThat(only("7").queriesThisPeriod()).isEqualTo(1);
        assertThat(only("7").queriesLastPeriod()).isEqualTo(2);
        now.addAndGet(120 * SECOND);
        TenantStats.Row later = only("7");
        assertThat(later.queriesThisPeriod()).isZero();
        assertThat(later.queriesLastPeriod()).isZero();
    }

    @Test
    void scoreHalvesOncePerPeriodPassed() {
        for (int i = 0; i < 8; i++) {
            stats.record(DB, 1, "a", true, 0);
        }
        now.addAndGet(60 * SECOND);
        assertThat(only("a").score()).isEqualTo(4 * TenantStats.ONE_QUERY_SCORE);
        now.addAndGet(120 * SECOND);
        assertThat(only("a").score()).isEqualTo(TenantStats.ONE_QUERY_SCORE);
    }

    @Test
    void rowsAreOrderedByScoreAndLimited() {
        stats.record(DB, 1, "low", true, 0);
        stats.record(DB, 1, "high", true, 0);
        stats.record(DB, 1, "high", true, 0);
        stats.record(DB, 2, null, false, 0);
        stats.record(DB, 2, null, false, 0);
        stats.record(DB, 2, null, false, 0);
        List<TenantStats.Row> top = stats.rows(DB, false);
        assertThat(top).extracting(TenantStats.Row::attribute).containsExactly(null, "high");
        assertThat(stats.rows(DB, true)).hasSize(3);
    }

    @Test
    void keepsTwiceTheLimitOfBestTenantsWhenThreeTimesTheLimitIsReached() {
        for (int t = 0; t < 6; t++) {
            for (int q = 0; q <= t; q++) {
                stats.record(DB, 1, "t" + t, true, 0);
            }
        }
        stats.record(DB, 1, "new", true, 0);
        assertThat(stats.rows(DB, true)).extracting(TenantStats.Row::attribute)
                .containsExactly("t5", "t4", "t3", "t2", "new");
    }

    @Test
    void resetForgetsEveryTenant() {
        stats.record(DB, 1, "7", true, 0);
        stats.reset();
        assertThat(stats.rows(DB, true)).isEmpty();
    }
}
