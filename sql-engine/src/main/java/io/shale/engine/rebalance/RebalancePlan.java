package io.shale.engine.rebalance;

import io.shale.engine.session.Notice;

import java.util.List;

/** The planner's result: the ordered moves and the notices and warnings raised while planning. */
public record RebalancePlan(List<RebalanceMove> moves, List<Notice> notices) {
    public RebalancePlan {
        moves = List.copyOf(moves);
        notices = List.copyOf(notices);
    }
}
