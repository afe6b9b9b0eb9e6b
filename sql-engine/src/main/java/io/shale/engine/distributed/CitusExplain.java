package io.shale.engine.distributed;

import io.shale.catalog.distribution.ClusterNode;
import io.shale.engine.exec.ExecContext;
import io.shale.engine.exec.OperatorFactory;
import io.shale.engine.plan.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN of a {@link PlanNode.DistributedScan} in Citus's shape: {@code Custom Scan (Citus Adaptive)}, the task
 * count, the tasks shown (all for a router query, one otherwise), each with its node and the plan the node makes of
 * the task (EXPLAIN of the task text, run through the session's task runner).
 */
public final class CitusExplain {
    private CitusExplain() {
    }

    /** The lines, the first one at column 0, the others indented relative to it. */
    public static List<String> lines(PlanNode.DistributedScan scan, OperatorFactory factory, ExecContext context,
                                     String databaseName) {
        List<Object[]> input = scan.input() == null ? List.of()
                : OperatorFactory.drain(factory.create(scan.input(), context));
        List<Task> tasks = scan.job().tasks(context, input);
        List<String> lines = new ArrayList<>();
        lines.add("Custom Scan (Citus Adaptive)");
        lines.add("  Task Count: " + tasks.size());
        boolean all = scan.job().router() || tasks.size() <= 1;
        lines.add("  Tasks Shown: " + (all ? "All" : "One of " + tasks.size()));
        List<Task> shown = all ? tasks : tasks.subList(0, 1);
        List<Task> explains = new ArrayList<>();
        for (Task t : shown) {
            explains.add(new Task(t.groupId(), t.anchorShardId(), "EXPLAIN " + t.sql(), false));
        }
        List<TaskResult> plans = explains.isEmpty() ? List.of() : context.taskRunner().run(explains);
        for (int i = 0; i < shown.size(); i++) {
            Task t = shown.get(i);
            lines.add("  ->  Task");
            ClusterNode node = context.catalog().nodeOfGroup(t.groupId());
            String host = node == null ? "localhost" : node.nodeName();
            int port = node == null ? 5432 : node.nodePort();
            lines.add("        Node: host=" + host + " port=" + port + " dbname=" + databaseName);
            List<Object[]> rows = plans.get(i).rows();
            for (int r = 0; r < rows.size(); r++) {
                String text = String.valueOf(rows.get(r)[0]);
                lines.add(r == 0 ? "        ->  " + text : "            " + text);
            }
        }
        return lines;
    }
}
