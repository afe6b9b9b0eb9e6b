package io.shale.engine.jobs;

import java.util.List;

/**
 * A task to schedule: its SQL command, the node ids it involves (for
 * {@code citus.max_background_task_executors_per_node}) and the tasks of the same call it waits for, as positions
 * (0-based) in the list given to {@link BackgroundJobs#schedule}; they must come earlier in that list.
 */
public record TaskSpec(String command, List<Integer> nodesInvolved, List<Integer> dependsOn) {
    public TaskSpec {
        nodesInvolved = List.copyOf(nodesInvolved);
        dependsOn = List.copyOf(dependsOn);
    }

    /** A task with no nodes and no dependencies. */
    public static TaskSpec of(String command) {
        return new TaskSpec(command, List.of(), List.of());
    }
}
