package io.shale.engine.distributed;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the tasks of this node's group inside the calling session and its store transaction, so a task reads the
 * transaction's own earlier writes; a task of another group cannot run here (a cluster's runner sends those away).
 */
public final class LocalTaskRunner implements TaskRunner {
    private final int localGroupId;
    private final Function<String, TaskResult> executor;

    /** A runner for group {@code localGroupId} that runs a task's SQL text with {@code executor}. */
    public LocalTaskRunner(int localGroupId, Function<String, TaskResult> executor) {
        this.localGroupId = localGroupId;
        this.executor = executor;
    }

    @Override
    public List<TaskResult> run(List<Task> tasks) {
        List<TaskResult> results = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            if (task.groupId() != localGroupId) {
                throw new ShaleException(ErrorCode.CONNECTION_FAILURE, "could not connect to the node of group "
                        + task.groupId() + ": this node runs only the tasks of group " + localGroupId);
            }
            results.add(executor.apply(task.sql()));
        }
        return results;
    }
}
