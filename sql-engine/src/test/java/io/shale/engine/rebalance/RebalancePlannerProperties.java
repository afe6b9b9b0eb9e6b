package io.shale.engine.rebalance;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the greedy planner over random layouts (jqwik logs the seed of a failing run). */
class RebalancePlannerProperties {
    private static List<RebalanceNode> nodes(int count) {
        List<RebalanceNode> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(new RebalanceNode(i, "node" + i, 5432, 1f, true));
        }
        return nodes;
    }

    @Property(tries = 200)
    void equalCostsEndWithinOneShardOfEachOther(@ForAll @IntRange(min = 2, max = 6) int nodeCount,
                                                @ForAll @IntRange(min = 0, max = 40) int shardCount,
                                                @ForAll long seed) {
        Random random = new Random(seed);
        List<RebalancePlacement> unit = new ArrayList<>();
        for (int s = 0; s < shardCount; s++) {
            unit.add(new RebalancePlacement(s + 1, random.nextInt(nodeCount), 1f));
        }
        RebalancePlan plan = RebalancePlanner.plan(new RebalanceRequest(nodes(nodeCount), List.of(unit),
                ShardAllowedOnNode.ALWAYS, 0f, 0f, 1_000_000, false, 0.5f, 5));
        int[] counts = new int[nodeCount];
        Map<Long, Integer> where = new HashMap<>();
        for (RebalancePlacement p : unit) {
            counts[p.nodeId()]++;
            where.put(p.shardId(), p.nodeId());
        }
        for (RebalanceMove m : plan.moves()) {
            assertThat(where.get(m.shardId())).isEqualTo(m.sourceNodeId());
            counts[m.sourceNodeId()]--;
            counts[m.targetNodeId()]++;
            where.put(m.shardId(), m.targetNodeId());
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int c : counts) {
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(plan.notices()).isEmpty();
    }

    @Property(tries = 200)
    void everyMoveKeepsTheMaximumAndRespectsTheRules(@ForAll @IntRange(min = 2, max = 5) int nodeCount,
                                                     @ForAll @IntRange(min = 1, max = 30) int shardCount,
                                                     @ForAll long seed) {
        Random random = new Random(seed);
        List<RebalancePlacement> unit = new ArrayList<>();
        Set<String> disallowed = new HashSet<>();
        for (int s = 0; s < shardCount; s++) {
            unit.add(new RebalancePlacement(s + 1, random.nextInt(nodeCount), 1 + random.nextInt(100)));
            if (random.nextInt(4) == 0) {
                disallowed.add((s + 1) + "@" + random.nextInt(nodeCount));
            }
        }
        ShardAllowedOnNode allowed = (shard, node) -> !disallowed.contains(shard + "@" + node);
        int maxMoves = 1 + random.nextInt(20);
        RebalancePlan plan = RebalancePlanner.plan(new RebalanceRequest(nodes(nodeCount), List.of(unit), allowed,
                random.nextFloat() * 0.2f, 0f, maxMoves, false, random.nextFloat(), 5));
        Map<Long, Integer> where = new HashMap<>();
        Map<Long, Float> cost = new HashMap<>();
        float[] load = new float[nodeCount];
        for (RebalancePlacement p : unit) {
            where.put(p.shardId(), p.nodeId());
            cost.put(p.shardId(), p.cost());
            load[p.nodeId()] += p.cost();
        }
        int drains = 0;
        for (RebalancePlacement p : unit) {
            drains += allowed.allowed(p.shardId(), p.nodeId()) ? 0 : 1;
        }
        assertThat(plan.moves().size()).isLessThanOrEqualTo(maxMoves + drains);
        for (int i = 0; i < plan.moves().size(); i++) {
            RebalanceMove m = plan.moves().get(i);
            assertThat(m.sourceNodeId()).isNotEqualTo(m.targetNodeId());
            assertThat(where.get(m.shardId())).isEqualTo(m.sourceNodeId());
            assertThat(allowed.allowed(m.shardId(), m.targetNodeId())).isTrue();
            float before = Math.max(load[m.sourceNodeId()], load[m.targetNodeId()]);
            load[m.sourceNodeId()] -= cost.get(m.shardId());
            load[m.targetNodeId()] += cost.get(m.shardId());
            where.put(m.shardId(), m.targetNodeId());
            if (i >= drains) {
                assertThat(Math.max(load[m.sourceNodeId()], load[m.targetNodeId()])).isLessThanOrEqualTo(before);
            }
        }
    }
}
