package io.shale.catalog.distribution;

import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round-robin placement over nodes sorted by (name, port), reference/citus.md §3.9. */
@Timeout(10)
class ShardPlacementPolicyTest {
    private static final NodeAddress A_5434 = new NodeAddress("localhost", 5434);
    private static final NodeAddress A_5433 = new NodeAddress("localhost", 5433);
    private static final NodeAddress B_5432 = new NodeAddress("worker-b", 5432);

    @Test
    void nodesAreSortedByNameThenPort() {
        assertThat(ShardPlacementPolicy.sorted(List.of(B_5432, A_5434, A_5433))).containsExactly(A_5433, A_5434, B_5432);
    }

    @Test
    void shardIGoesToNodeIModN() {
        List<List<NodeAddress>> placements = ShardPlacementPolicy.placeHashShards(List.of(A_5434, A_5433), 32, 1);
        assertThat(placements).hasSize(32);
        assertThat(placements.get(0)).containsExactly(A_5433);
        assertThat(placements.get(1)).containsExactly(A_5434);
        // seeds/002: shard 102027 (index 19) of github_events lives on localhost:5433 (node 1 of 2 here).
        assertThat(ShardPlacementPolicy.nodeIndex(19, 0, 2)).isEqualTo(1);
    }

    @Test
    void replicasFollowOnTheNextNodes() {
        List<List<NodeAddress>> placements = ShardPlacementPolicy.placeHashShards(List.of(B_5432, A_5434, A_5433), 4, 2);
        assertThat(placements.get(0)).containsExactly(A_5433, A_5434);
        assertThat(placements.get(2)).containsExactly(B_5432, A_5433);
        assertThat(placements.get(3)).containsExactly(A_5433, A_5434);
        assertThatThrownBy(() -> ShardPlacementPolicy.placeHashShards(List.of(A_5433), 4, 2))
                .isInstanceOf(ShaleException.class)
                .hasMessage("replication_factor (2) exceeds number of worker nodes (1)");
    }

    @Test
    void singleShardGroupsGoToColocationIdModN() {
        assertThat(ShardPlacementPolicy.singleShardNodeIndex(5, 2)).isEqualTo(1);
        assertThat(ShardPlacementPolicy.singleShardNodeIndex(6, 2)).isZero();
    }
}
