package io.shale.engine.exec;

import io.shale.engine.plan.PlanNode;

/** Public questions about plans, for the analyzer. */
public final class PlanQueries {
    private PlanQueries() {
    }

    /** Whether the plan reads a row of an enclosing query or of a FROM item to its left. */
    public static boolean hasOuterReferences(PlanNode plan) {
        return PlanInspector.hasOuterReferences(plan);
    }
}
