package io.shale.engine.distributed;

import java.util.List;

/** Runs tasks inside the calling session's transaction; results in task order. */
public interface TaskRunner {
    List<TaskResult> run(List<Task> tasks);
}
