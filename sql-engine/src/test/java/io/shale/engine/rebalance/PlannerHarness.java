package io.shale.engine.rebalance;

import io.shale.engine.session.Notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test hook of citus.md §7.8 (Citus's shard_placement_rebalance_array) as a builder: nodes with
 * name, port, capacity and disallowed shards (id = position), placements with shard id (default
 * position + 1), node, cost and next_colocation; moves printed as Citus prints them.
 */
final class PlannerHarness {
    private final List<RebalanceNode> nodes = new ArrayList<>();
    private final Map<Integer, Set<Long>> disallowed = new HashMap<>();
    private final List<List<RebalancePlacement>> units = new ArrayList<>();
    private int placementCount;
    float threshold = 0f;
    float minimumThreshold = 0f;
    int maxShardMoves = 1_000_000;
    boolean drainOnly;
    float improvementThreshold = 0.5f;
    int maxLoggedIgnoredMoves = 5;
    RebalancePlan plan;

    PlannerHarness node(String name) {
        return node(name, 5432, 1f);
    }

    PlannerHarness node(String name, int port, float capacity, long... disallowedShards) {
        int id = nodes.size();
        nodes.add(new RebalanceNode(id, name, port, capacity, true));
        Set<Long> shards = new HashSet<>();
        for (long s : disallowedShards) {
            shards.add(s);
        }
        disallowed.put(id, shards);
        return this;
    }

    PlannerHarness nodeWithoutShards(String name) {
        nodes.add(new RebalanceNode(nodes.size(), name, 5432, 1f, false));
        disallowed.put(nodes.size() - 1, Set.of());
        return this;
    }

    /** A placement of the next shard id (position + 1) with cost 1. */
    PlannerHarness placement(String nodeName) {
        return placement(placementCount + 1, nodeName, 1f, false);
    }

    PlannerHarness placement(long shardId, String nodeName, float cost, boolean nextColocation) {
        if (units.isEmpty() || nextColocation) {
            units.add(new ArrayList<>());
        }
        placementCount++;
        units.getLast().add(new RebalancePlacement(shardId, nodeId(nodeName), cost));
        return this;
    }

    private int nodeId(String name) {
        for (RebalanceNode n : nodes) {
            if (n.nodeName().equals(name)) {
                return n.nodeId();
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The moves as §7.8's JSON elements. */
    List<String> run() {
        ShardAllowedOnNode allowed = (shardId, nodeId) -> !disallowed.get(nodeId).contains(shardId);
        plan = RebalancePlanner.plan(new RebalanceRequest(nodes, units, allowed, threshold, minimumThreshold,
                maxShardMoves, drainOnly, improvementThreshold, maxLoggedIgnoredMoves));
        List<String> out = new ArrayList<>();
        for (RebalanceMove m : plan.moves()) {
            RebalanceNode s = nodes.get(m.sourceNodeId());
            RebalanceNode t = nodes.get(m.targetNodeId());
            out.add("{\"updatetype\":1,\"shardid\":" + m.shardId() + ",\"sourcename\":\"" + s.nodeName()
                    + "\",\"sourceport\":" + s.nodePort() + ",\"targetname\":\"" + t.nodeName()
                    + "\",\"targetport\":" + t.nodePort() + "}");
        }
        return out;
    }

    /** The notices as "SEVERITY: message | detail | hint". */
    List<String> notices() {
        List<String> out = new ArrayList<>();
        for (Notice n : plan.notices()) {
            out.add(n.severity() + ": " + n.message() + (n.detail() == null ? "" : " | " + n.detail())
                    + (n.hint() == null ? "" : " | " + n.hint()));
        }
        return out;
    }
}
