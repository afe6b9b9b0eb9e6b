package io.shale.engine.rebalance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fill states of every node for one balancing unit, with the unit's totals and its ignored-move count. */
final class UnitState {
    final List<NodeFillState> ascending = new ArrayList<>();
    final List<RebalancePlacement> disallowed = new ArrayList<>();
    final float totalCost;
    final float totalCapacity;
    int ignoredMoves;

    UnitState(List<RebalanceNode> nodes, List<RebalancePlacement> unit, ShardAllowedOnNode allowed) {
        Map<Integer, NodeFillState> byNode = new HashMap<>();
        float capacity = 0f;
        for (RebalanceNode node : nodes) {
            NodeFillState state = new NodeFillState(node);
            byNode.put(node.nodeId(), state);
            ascending.add(state);
            capacity += state.capacity;
        }
        float cost = 0f;
        for (RebalancePlacement placement : unit) {
            NodeFillState state = byNode.get(placement.nodeId());
            if (state == null) {
                continue;
            }
            state.add(placement);
            cost += placement.cost();
            if (!isAllowed(state, placement.shardId(), allowed)) {
                disallowed.add(placement);
            }
        }
        this.totalCost = cost;
        this.totalCapacity = capacity;
        disallowed.sort(NodeFillState.COST_DESCENDING);
        resort();
    }

    static boolean isAllowed(NodeFillState state, long shardId, ShardAllowedOnNode allowed) {
        return state.node.shouldHaveShards() && allowed.allowed(shardId, state.node.nodeId());
    }

    NodeFillState stateOf(int nodeId) {
        for (NodeFillState state : ascending) {
            if (state.node.nodeId() == nodeId) {
                return state;
            }
        }
        throw new IllegalStateException("node " + nodeId + " is not in the balancing unit");
    }

    void move(RebalancePlacement placement, NodeFillState source, NodeFillState target, List<RebalanceMove> plan) {
        source.remove(placement);
        target.add(new RebalancePlacement(placement.shardId(), target.node.nodeId(), placement.cost()));
        plan.add(new RebalanceMove(placement.shardId(), source.node.nodeId(), target.node.nodeId()));
        resort();
    }

    void resort() {
        ascending.sort(NodeFillState.ASCENDING);
    }

    List<NodeFillState> descending() {
        return ascending.reversed();
    }
}
