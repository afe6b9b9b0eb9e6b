package io.shale.engine.rebalance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class RebalancePlannerTest {
    private static String move(long shard, String source, String target) {
        return "{\"updatetype\":1,\"shardid\":" + shard + ",\"sourcename\":\"" + source
                + "\",\"sourceport\":5432,\"targetname\":\"" + target + "\",\"targetport\":5432}";
    }

    @Test
    void threeShardsOnOneOfTwoNodesMoveOnce() {
        PlannerHarness h = new PlannerHarness().node("hostname1").node("hostname2")
                .placement("hostname1").placement("hostname1").placement("hostname1");
        assertThat(h.run()).containsExactly(move(1, "hostname1", "hostname2"));
        assertThat(h.notices()).isEmpty();
    }

    @Test
    void spreadsOverThreeNodes() {
        PlannerHarness h = new PlannerHarness().node("hostname1").node("hostname2").node("hostname3");
        for (int i = 0; i < 6; i++) {
            h.placement("hostname1");
        }
        assertThat(h.run()).containsExactly(move(1, "hostname1", "hostname2"), move(2, "hostname1", "hostname3"),
                move(3, "hostname1", "hostname2"), move(4, "hostname1", "hostname3"));
    }

    @Test
    void capacitiesDecideTheShare() {
        PlannerHarness h = new PlannerHarness().node("hostname1", 5432, 3f).node("hostname2", 5432, 1f)
                .placement("hostname2").placement("hostname2").placement("hostname2");
        assertThat(h.run()).containsExactly(move(1, "hostname2", "hostname1"), move(2, "hostname2", "hostname1"));
    }

    @Test
    void disallowedShardsAreDrainedFirstEvenWithDrainOnly() {
        PlannerHarness h = new PlannerHarness().node("hostname1", 5432, 1f, 1, 2).node("hostname2")
                .placement(1, "hostname1", 1f, false).placement(2, "hostname1", 3f, false)
                .placement(3, "hostname1", 1f, false);
        h.drainOnly = true;
        assertThat(h.run()).containsExactly(move(2, "hostname1", "hostname2"), move(1, "hostname1", "hostname2"));
    }

    @Test
    void nodeWithoutShardsIsDrainedAndBalancingRespectsDisallowed() {
        PlannerHarness h = new PlannerHarness().node("hostname1").nodeWithoutShards("hostname2")
                .node("hostname3", 5432, 1f, 2)
                .placement("hostname2").placement("hostname2").placement("hostname1").placement("hostname1");
        assertThat(h.run()).containsExactly(move(1, "hostname2", "hostname3"), move(2, "hostname2", "hostname1"),
                move(3, "hostname1", "hostname3"));
    }

    @Test
    void drainWithNowhereToGoWarns() {
        PlannerHarness h = new PlannerHarness().node("hostname1", 5432, 1f, 1).node("hostname2", 5432, 1f, 1)
                .placement("hostname1");
        assertThat(h.run()).isEmpty();
        assertThat(h.notices()).containsExactly("WARNING: Not allowed to move shard 1 anywhere from hostname1:5432");
    }

    @Test
    void thresholdLeavesNearlyBalancedNodesAlone() {
        PlannerHarness h = new PlannerHarness().node("hostname1").node("hostname2");
        for (int i = 0; i < 20; i++) {
            h.placement(i < 11 ? "hostname1" : "hostname2");
        }
        h.threshold = 0.1f;
        assertThat(h.run()).isEmpty();
        h.threshold = 0.05f;
        assertThat(h.run()).containsExactly(move(1, "hostname1", "hostname2"));
    }

    @Test
    void thresholdBelowTheMinimumIsRaisedWithAWarning() {
        PlannerHarness h = new PlannerHarness().node("hostname1").node("hostname2");
        for (int i = 0; i < 20; i++) {
            h.placement(i < 11 ? "hostname1" : "hostname2");
        }
        h.threshold = 0f;
        h.minimumThreshold = 0.1f;
        assertThat(h.run()).isEmpty();
        assertThat(h.notices()).containsExactly("WARNING: the given threshold is lower than the minimum threshold "
                + "allowed by the rebalance strategy, using the minimum allowed threshold instead"
                + " | Using threshold of 0.10");
    }

    @Test
    void smallImprovementsAreIgnoredWithNotices() {
        PlannerHarness h = new PlannerHarness().node("hostname1").node("hostname2")
                .placement(1, "hostname1", 10f, false).placement(2, "hostname1", 3f, false)
                .placement(3, "hostname2", 9f, false);
        h.threshold = 0.1f;
        assertThat(h.run()).isEmpty();
        assertThat(h.notices()).containsExactly(
                "NOTICE: Ignoring move of shard 2 from hostname1:5432 to hostname2:5432, because the move only "
                        + "brings a small improvement relative to the shard its size | The balance improvement of "
                        + "0.333333 is lower than the improvement_threshold of 0.5",
                "NOTICE: Ignored 1 moves, all of which are shown in notices above | If you do want these moves "
                        + "to happen, try changing improvement_threshold to a lower value than what it is now (0.5).");
        h.improvementThreshold = 0.3f;
        assertThat(h.run()).containsExactly(move(2, "hostname1", "hostname2"));
        assertThat(h.notices()).isEmpty();
    }

    @Test
    void onlyTheFirstIgnoredMovesAreLogged() {
        PlannerHarness h = new PlannerHarness().node("hostname1").node("hostname2")
                .placement(1, "hostname1", 10f, false).placement(2, "hostname1", 3f, false)
                .placement(3, "hostname1", 3f, false).placement(4, "hostname2", 12f, false);
        h.threshold = 0.01f;
        h.maxLoggedIgnoredMoves = 1;
        assertThat(h.run()).isEmpty();
        assertThat(h.notices()).hasSize(2);
        assertThat(h.notices().getLast()).startsWith("NOTICE: Ignored 2 moves, 1 of which are shown in notices above");
    }

    @Test
    void moveLimitStopsWithANotice() {
        PlannerHarness h = new PlannerHarness().node("hostname1").node("hostname2")
                .placement("hostname1").placement("hostname1").placement("hostname1").placement("hostname1");
        h.maxShardMoves = 1;
        assertThat(h.run()).containsExactly(move(1, "hostname1", "hostname2"));
        assertThat(h.notices()).containsExactly("NOTICE: Stopped searching before we were out of moves. Please "
                + "rerun the rebalancer after it's finished for a more optimal placement.");
    }

    @Test
    void colocationUnitsAreBalancedOneAfterTheOther() {
        PlannerHarness h = new PlannerHarness().node("hostname1").node("hostname2")
                .placement(1, "hostname1", 1f, true).placement(2, "hostname1", 1f, false)
                .placement(3, "hostname2", 1f, true).placement(4, "hostname2", 1f, false);
        assertThat(h.run()).containsExactly(move(1, "hostname1", "hostname2"), move(3, "hostname2", "hostname1"));
    }

    @Test
    void tutorialSchemasMovePingServiceToWorkerOne() {
        // userservice 112 kB on worker 2, timeservice 32 kB on worker 1, pingservice 32 kB on worker 2
        PlannerHarness h = new PlannerHarness().node("localhost", 9701, 1f).node("localhost2", 9702, 1f)
                .placement(102008, "localhost2", 112 * 1024f, false)
                .placement(102009, "localhost", 32 * 1024f, false)
                .placement(102010, "localhost2", 32 * 1024f, false);
        h.threshold = 0.1f;
        h.minimumThreshold = 0.01f;
        h.improvementThreshold = 0.5f;
        assertThat(h.run()).hasSize(1);
        assertThat(h.plan.moves()).containsExactly(new RebalanceMove(102010, 1, 0));
        assertThat(h.notices()).isEmpty();
    }

    @Test
    void tutorialWithCitusBaseCostPlansNothing() {
        float base = 100 * 1024 * 1024f;
        PlannerHarness h = new PlannerHarness().node("localhost", 9701, 1f).node("localhost2", 9702, 1f)
                .placement(102008, "localhost2", base + 112 * 1024f, false)
                .placement(102009, "localhost", base + 32 * 1024f, false)
                .placement(102010, "localhost2", base + 32 * 1024f, false);
        h.threshold = 0.1f;
        h.improvementThreshold = 0.5f;
        assertThat(h.run()).isEmpty();
        assertThat(h.notices().getLast()).startsWith("NOTICE: Ignored 1 moves");
    }

    @Test
    void formatsLikeCPercentG() {
        assertThat(CFormat.g(0.5)).isEqualTo("0.5");
        assertThat(CFormat.g(1f / 3f)).isEqualTo("0.333333");
        assertThat(CFormat.g(100)).isEqualTo("100");
        assertThat(CFormat.g(1234567)).isEqualTo("1.23457e+06");
        assertThat(CFormat.g(0.00001)).isEqualTo("1e-05");
        assertThat(CFormat.g(0.0001)).isEqualTo("0.0001");
    }
}
