package io.shale.engine.distributed;

import io.shale.engine.plan.PlanNode;
import io.shale.grammar.ast.Delete;
import io.shale.grammar.ast.Insert;
import io.shale.grammar.ast.Query;
import io.shale.grammar.ast.Statement;
import io.shale.grammar.ast.Update;

import java.util.List;

/**
 * A statement over plain tables issued on a worker: plain tables live on the coordinator (group 0), so the whole
 * statement goes there as one task.
 */
final class CoordinatorRoute {
    private CoordinatorRoute() {
    }

    static PlanNode plan(Statement statement, PlanNode local, PlanningContext context) {
        if (!(statement instanceof Query || statement instanceof Insert || statement instanceof Update
                || statement instanceof Delete)) {
            return null;
        }
        boolean modifies = !(statement instanceof Query);
        Literals literals = new Literals(context.catalog().objects(context.databaseOid()));
        boolean parameters = !context.parameterTypes().isEmpty();
        ShardTasksJob job = new ShardTasksJob(List.of(ShardTasksJob.template(0, 0, statement, parameters, true)),
                context.parameterTypes(), literals, modifies, true);
        return new PlanNode.DistributedScan(job, null, local.columns());
    }
}
