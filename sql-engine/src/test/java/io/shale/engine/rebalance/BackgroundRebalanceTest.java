package io.shale.engine.rebalance;

import io.shale.common.error.ShaleException;
import io.shale.engine.jobs.TaskSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tasks of a background rebalance and their dependencies (citus.md §7.4), and the transfer mode check. */
class BackgroundRebalanceTest {
    /** Anchors 1–3 in colocation group 10, anchors 4–5 in group 20. */
    private static final Map<Long, Integer> GROUPS = Map.of(1L, 10, 2L, 10, 3L, 10, 4L, 20, 5L, 20);

    private static List<TaskSpec> tasks(List<RebalanceMove> moves, boolean copy, boolean parallel) {
        return BackgroundRebalance.tasks(moves, anchor -> GROUPS.get(anchor), "block_writes", copy, parallel);
    }

    @Test
    void eachMoveIsATaskOnItsTwoNodes() {
        List<TaskSpec> tasks = tasks(List.of(new RebalanceMove(1, 2, 3)), false, false);
        assertThat(tasks).containsExactly(new TaskSpec(
                "SELECT pg_catalog.citus_move_shard_placement(1,2,3,'block_writes')", List.of(2, 3), List.of()));
    }

    @Test
    void movesOfAGroupRunOneAfterTheOtherUnlessParallel() {
        List<RebalanceMove> moves = List.of(new RebalanceMove(1, 2, 4), new RebalanceMove(4, 3, 5),
                new RebalanceMove(2, 3, 5), new RebalanceMove(5, 2, 4));
        assertThat(tasks(moves, false, false)).extracting(TaskSpec::dependsOn)
                .containsExactly(List.of(), List.of(), List.of(0), List.of(1));
        assertThat(tasks(moves, false, true)).extracting(TaskSpec::dependsOn)
                .containsExactly(List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aMoveWaitsForEarlierMovesOffItsTarget() {
        List<RebalanceMove> moves = List.of(new RebalanceMove(1, 2, 3), new RebalanceMove(4, 3, 2),
                new RebalanceMove(5, 4, 2), new RebalanceMove(2, 5, 3));
        assertThat(tasks(moves, false, true)).extracting(TaskSpec::dependsOn)
                .containsExactly(List.of(), List.of(0), List.of(0), List.of(1));
    }

    @Test
    void theReferenceTableCopyComesFirstForMovesWaitingForNothingElse() {
        List<RebalanceMove> moves = List.of(new RebalanceMove(1, 2, 4), new RebalanceMove(2, 3, 4),
                new RebalanceMove(4, 3, 5));
        List<TaskSpec> tasks = tasks(moves, true, false);
        assertThat(tasks.getFirst()).isEqualTo(TaskSpec.of(
                "SELECT pg_catalog.replicate_reference_tables('block_writes')"));
        assertThat(tasks).extracting(TaskSpec::dependsOn)
                .containsExactly(List.of(), List.of(0), List.of(1), List.of(0));
    }

    @Test
    void transferModes() {
        assertThat(RebalanceChecks.transferMode(null)).isEqualTo("auto");
        assertThat(RebalanceChecks.transferMode("force_logical")).isEqualTo("force_logical");
        assertThatThrownBy(() -> RebalanceChecks.transferMode("Auto")).isInstanceOf(ShaleException.class)
                .hasMessage("invalid input value for enum citus.shard_transfer_mode: \"Auto\"");
    }
}
