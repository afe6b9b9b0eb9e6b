package io.shale.engine.exec;

import io.shale.engine.plan.PlanNode;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The row-producing half of every join operator: given a left row and its candidate right rows,
 * emits joined rows by the join type (inner, outer with nulls, semi, anti), and at the end the
 * right rows nothing matched (RIGHT and FULL joins). Operators differ only in how they find the
 * candidates.
 */
final class JoinEmitter {
    private final PlanNode.JoinType type;
    private final int leftWidth;
    private final int rightWidth;
    private final boolean[] rightMatched;
    private final List<Object[]> rightRows;
    private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
    private int unmatched;

    /**
     * @param rightRows the right side's rows when they are read once (needed for RIGHT/FULL), or
     *     null for a LATERAL right side
     */
    JoinEmitter(PlanNode.JoinType type, int leftWidth, int rightWidth, List<Object[]> rightRows) {
        this.type = type;
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
        this.rightRows = rightRows;
        this.rightMatched = rightRows != null && (type == PlanNode.JoinType.RIGHT || type == PlanNode.JoinType.FULL)
                ? new boolean[rightRows.size()] : null;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    Object[] poll() {
        return pending.poll();
    }

    /**
     * Joins a left row with right rows: all of {@code rights} when {@code candidates} is null,
     * else those at the candidate positions; {@code condition} (may be null) filters the pairs.
     */
    void join(Object[] left, List<Object[]> rights, List<Integer> candidates, Evaluator condition, ExecContext ctx) {
        boolean matched = false;
        int n = candidates == null ? rights.size() : candidates.size();
        for (int k = 0; k < n; k++) {
            int i = candidates == null ? k : candidates.get(k);
            Object[] joined = JoinRows.concat(left, rights.get(i), leftWidth, rightWidth);
            if (condition != null && !Boolean.TRUE.equals(condition.eval(joined, ctx))) {
                continue;
            }
            matched = true;
            if (rightMatched != null) {
                rightMatched[i] = true;
            }
            if (type == PlanNode.JoinType.SEMI || type == PlanNode.JoinType.ANTI) {
                break;
            }
            pending.add(joined);
        }
        if (type == PlanNode.JoinType.SEMI && matched || type == PlanNode.JoinType.ANTI && !matched) {
            pending.add(left);
        } else if (!matched && (type == PlanNode.JoinType.LEFT || type == PlanNode.JoinType.FULL)) {
            pending.add(JoinRows.concat(left, null, leftWidth, rightWidth));
        }
    }

    /** After the last left row: the next right row no left row matched, or null. */
    Object[] nextUnmatchedRight() {
        if (rightMatched == null) {
            return null;
        }
        while (unmatched < rightMatched.length) {
            int i = unmatched++;
            if (!rightMatched[i]) {
                return JoinRows.concat(null, rightRows.get(i), leftWidth, rightWidth);
            }
        }
        return null;
    }
}
