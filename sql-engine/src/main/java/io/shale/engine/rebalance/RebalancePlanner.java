package io.shale.engine.rebalance;

import io.shale.engine.session.Notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Citus's greedy shard rebalancer (citus.md §7.2): a drain phase that moves placements off nodes
 * where they are not allowed, then a balance phase per unit that moves one shard group at a time
 * from the most to the least utilized node while that improves the balance. Costs, capacities and
 * utilizations are float32. Pure: no catalog, no I/O; thread-safe (stateless).
 */
public final class RebalancePlanner {
    private RebalancePlanner() {
    }

    /** The ordered moves and the notices for a request. */
    public static RebalancePlan plan(RebalanceRequest request) {
        List<Notice> notices = new ArrayList<>();
        float threshold = request.threshold();
        if (threshold < request.minimumThreshold()) {
            threshold = request.minimumThreshold();
            notices.add(new Notice("WARNING", "01000", "the given threshold is lower than the minimum threshold "
                    + "allowed by the rebalance strategy, using the minimum allowed threshold instead",
                    String.format(Locale.ROOT, "Using threshold of %.2f", (double) threshold), null));
        }
        List<UnitState> units = new ArrayList<>();
        for (List<RebalancePlacement> unit : request.units()) {
            units.add(new UnitState(request.nodes(), unit, request.allowed()));
        }
        List<RebalanceMove> plan = new ArrayList<>();
        for (UnitState unit : units) {
            drain(unit, request.allowed(), plan, notices);
        }
        if (request.drainOnly()) {
            return new RebalancePlan(plan, notices);
        }
        for (UnitState unit : units) {
            float average = unit.totalCost / unit.totalCapacity;
            float low = (float) ((1.0 - threshold) * average);
            float high = (float) ((1.0 + threshold) * average);
            boolean more = true;
            while (plan.size() < request.maxShardMoves() && more) {
                more = tryOneMove(unit, low, high, request, plan, notices);
            }
            if (more) {
                notices.add(notice("Stopped searching before we were out of moves. Please rerun the rebalancer "
                        + "after it's finished for a more optimal placement.", null, null));
                break;
            }
        }
        long ignored = 0;
        for (UnitState unit : units) {
            ignored += unit.ignoredMoves;
        }
        if (ignored > 0) {
            int logged = request.maxLoggedIgnoredMoves();
            String shown = logged == -1 || ignored <= logged ? "all of which are shown in notices above"
                    : logged + " of which are shown in notices above";
            notices.add(notice("Ignored " + ignored + " moves, " + shown, null,
                    "If you do want these moves to happen, try changing improvement_threshold to a lower value "
                            + "than what it is now (" + CFormat.g(request.improvementThreshold()) + ")."));
        }
        return new RebalancePlan(plan, notices);
    }

    private static void drain(UnitState unit, ShardAllowedOnNode allowed, List<RebalanceMove> plan,
                              List<Notice> notices) {
        for (RebalancePlacement placement : unit.disallowed) {
            NodeFillState source = unit.stateOf(placement.nodeId());
            NodeFillState target = null;
            for (NodeFillState candidate : unit.ascending) {
                if (!candidate.holds(placement.shardId())
                        && UnitState.isAllowed(candidate, placement.shardId(), allowed)) {
                    target = candidate;
                    break;
                }
            }
            if (target == null) {
                notices.add(new Notice("WARNING", "01000", "Not allowed to move shard " + placement.shardId()
                        + " anywhere from " + source.address(), null, null));
                continue;
            }
            unit.move(placement, source, target, plan);
        }
    }

    private static boolean tryOneMove(UnitState unit, float low, float high, RebalanceRequest request,
                                      List<RebalanceMove> plan, List<Notice> notices) {
        for (NodeFillState source : unit.descending()) {
            if (source.utilization <= low) {
                return false;
            }
            for (NodeFillState target : unit.ascending) {
                if (target.utilization >= high) {
                    break;
                }
                if (target.utilization >= low && source.utilization <= high) {
                    break;
                }
                for (RebalancePlacement shard : source.shards) {
                    if (target.holds(shard.shardId())
                            || !UnitState.isAllowed(target, shard.shardId(), request.allowed())) {
                        continue;
                    }
                    float newTarget = NodeFillState.utilization(target.totalCost + shard.cost(), target.capacity);
                    float newSource = NodeFillState.utilization(source.totalCost - shard.cost(), source.capacity);
                    if (newTarget <= newSource) {
                        unit.move(shard, source, target, plan);
                        return true;
                    }
                    if (newTarget > source.utilization) {
                        continue;
                    }
                    if (newTarget == source.utilization && newSource <= target.utilization) {
                        continue;
                    }
                    float improvement = Math.max(source.utilization - newTarget, newSource - target.utilization);
                    float added = Math.min(newTarget - target.utilization, source.utilization - newSource);
                    float normalized = improvement / added;
                    if (normalized < request.improvementThreshold()) {
                        unit.ignoredMoves++;
                        int logged = request.maxLoggedIgnoredMoves();
                        if (logged == -1 || unit.ignoredMoves <= logged) {
                            notices.add(notice("Ignoring move of shard " + shard.shardId() + " from "
                                    + source.address() + " to " + target.address()
                                    + ", because the move only brings a small improvement relative to the shard "
                                    + "its size", "The balance improvement of " + CFormat.g(normalized)
                                    + " is lower than the improvement_threshold of "
                                    + CFormat.g(request.improvementThreshold()), null));
                        }
                        continue;
                    }
                    unit.move(shard, source, target, plan);
                    return true;
                }
            }
        }
        return false;
    }

    private static Notice notice(String message, String detail, String hint) {
        return new Notice("NOTICE", "00000", message, detail, hint);
    }
}
