package io.shale.engine.jobs;

import java.time.Instant;

/**
 * One row of {@code pg_dist_background_job}, in the database {@code databaseOid}.
 *
 * @param startedAt when its first task started, or null
 * @param finishedAt when it reached a terminal state, or null
 */
public record BackgroundJob(int databaseOid, long jobId, JobStatus state, String jobType, String description,
                            Instant startedAt, Instant finishedAt) {
    BackgroundJob withState(JobStatus next, Instant started, Instant finished) {
        return new BackgroundJob(databaseOid, jobId, next, jobType, description, started, finished);
    }
}
