package io.shale.engine.rebalance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One node's load within one balancing unit while planning; float32 throughout, as in Citus. */
final class NodeFillState {
    /** Cost descending, ties by shard id ascending. */
    static final Comparator<RebalancePlacement> COST_DESCENDING = (a, b) -> {
        int byCost = Float.compare(b.cost(), a.cost());
        return byCost != 0 ? byCost : Long.compare(a.shardId(), b.shardId());
    };
    /** Utilization ascending, capacity descending, node id ascending. */
    static final Comparator<NodeFillState> ASCENDING = (a, b) -> {
        int byUtilization = Float.compare(a.utilization, b.utilization);
        if (byUtilization != 0) {
            return byUtilization;
        }
        int byCapacity = Float.compare(b.capacity, a.capacity);
        return byCapacity != 0 ? byCapacity : Integer.compare(a.node.nodeId(), b.node.nodeId());
    };

    final RebalanceNode node;
    final float capacity;
    float totalCost;
    float utilization;
    final List<RebalancePlacement> shards = new ArrayList<>();
    final Set<Long> shardIds = new HashSet<>();

    NodeFillState(RebalanceNode node) {
        this.node = node;
        this.capacity = node.effectiveCapacity();
        this.utilization = utilization(0f, capacity);
    }

    static float utilization(float totalCost, float capacity) {
        return capacity <= 0f ? Float.POSITIVE_INFINITY : totalCost / capacity;
    }

    void add(RebalancePlacement placement) {
        shards.add(placement);
        shardIds.add(placement.shardId());
        totalCost += placement.cost();
        utilization = utilization(totalCost, capacity);
        shards.sort(COST_DESCENDING);
    }

    void remove(RebalancePlacement placement) {
        shards.remove(placement);
        shardIds.remove(placement.shardId());
        totalCost -= placement.cost();
        utilization = utilization(totalCost, capacity);
    }

    boolean holds(long shardId) {
        return shardIds.contains(shardId);
    }

    String address() {
        return node.nodeName() + ":" + node.nodePort();
    }
}
