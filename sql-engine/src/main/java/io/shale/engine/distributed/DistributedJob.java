package io.shale.engine.distributed;

import io.shale.engine.exec.ExecContext;

import java.util.List;

/**
 * How a {@link io.shale.engine.plan.PlanNode.DistributedScan} makes its tasks at execution time: shard pruning on
 * bound parameters (deferred pruning), task text with parameters as literals, rows routed to their shards.
 */
public interface DistributedJob {
    /** The tasks of one execution; {@code inputRows} are the rows of the scan's input (empty when none). */
    List<Task> tasks(ExecContext context, List<Object[]> inputRows);

    /** Whether the tasks modify rows (their affected counts add up to the statement's). */
    boolean modifies();

    /**
     * The results that count, in task order: all of them, except for writes to replicated shards, where only the
     * first placement's result of each shard counts.
     */
    default List<TaskResult> counted(List<Task> tasks, List<TaskResult> results) {
        return results;
    }

    /** The job as COPY FROM runs it (an INSERT job names the table in Citus's COPY errors); else itself. */
    default DistributedJob forCopy() {
        return this;
    }

    /** Whether the job is a router job (one shard group, all tasks shown by EXPLAIN). */
    boolean router();
}
