package io.shale.engine.jobs;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code pg_dist_background_task} with its rows of {@code pg_dist_background_task_depend}.
 *
 * @param ownerOid the role the command runs as
 * @param pid the process id of the session running it, or null
 * @param retryCount how often it failed and was retried, or null before the first failure
 * @param notBefore the earliest time of its next attempt, or null
 * @param message the error of its last failed attempt ({@code ERROR: ...}), or ''
 * @param nodesInvolved the node ids it works on (for the per-node limit), possibly empty
 * @param dependsOn the task ids that must be done before it runs
 */
public record BackgroundTask(int databaseOid, long jobId, long taskId, int ownerOid, Integer pid, TaskStatus status,
                             String command, Integer retryCount, Instant notBefore, String message,
                             List<Integer> nodesInvolved, List<Long> dependsOn) {
    public BackgroundTask {
        nodesInvolved = List.copyOf(nodesInvolved);
        dependsOn = List.copyOf(dependsOn);
    }

    BackgroundTask with(TaskStatus next, Integer newPid, Integer retries, Instant until, String text) {
        return new BackgroundTask(databaseOid, jobId, taskId, ownerOid, newPid, next, command, retries, until, text,
                nodesInvolved, dependsOn);
    }

    BackgroundTask withStatus(TaskStatus next) {
        return with(next, pid, retryCount, notBefore, message);
    }
}
