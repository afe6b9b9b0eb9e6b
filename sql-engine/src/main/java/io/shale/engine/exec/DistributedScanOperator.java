package io.shale.engine.exec;

import io.shale.engine.distributed.Task;
import io.shale.engine.distributed.TaskResult;
import io.shale.engine.plan.PlanNode;

import java.util.Iterator;
import java.util.List;

/**
 * Runs the tasks of a {@link PlanNode.DistributedScan} through the session's task runner when first asked for a
 * row, and returns the rows of every task in task order.
 */
final class DistributedScanOperator implements Operator {
    private final PlanNode.DistributedScan scan;
    private final OperatorFactory factory;
    private final ExecContext ctx;
    private Iterator<TaskResult> results;
    private Iterator<Object[]> rows;

    private DistributedScanOperator(PlanNode.DistributedScan scan, OperatorFactory factory, ExecContext ctx) {
        this.scan = scan;
        this.factory = factory;
        this.ctx = ctx;
    }

    static Operator open(PlanNode.DistributedScan scan, OperatorFactory factory, ExecContext ctx) {
        DistributedScanOperator operator = new DistributedScanOperator(scan, factory, ctx);
        if (scan.job().modifies()) {
            operator.start();
        }
        return operator;
    }

    @Override
    public Object[] next() {
        if (results == null) {
            start();
        }
        while (rows == null || !rows.hasNext()) {
            if (!results.hasNext()) {
                return null;
            }
            rows = results.next().rows().iterator();
        }
        return rows.next();
    }

    private void start() {
        List<Object[]> input = scan.input() == null ? List.of() : OperatorFactory.drain(factory.create(scan.input(), ctx));
        List<Task> tasks = scan.job().tasks(ctx, input);
        List<TaskResult> done = tasks.isEmpty() ? List.of() : scan.job().counted(tasks, ctx.taskRunner().run(tasks));
        if (scan.job().modifies()) {
            long affected = 0;
            for (TaskResult r : done) {
                affected += r.rowsAffected();
            }
            ctx.addAffected(affected);
        }
        results = done.iterator();
    }
}
