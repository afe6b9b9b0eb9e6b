package io.shale.engine.jobs;

import java.time.Duration;

/**
 * When a failed task runs again: Citus waits 5 s before the first retry, 20 s before the second and 60 s before each
 * later one, up to 32 retries; then the task is in error.
 */
public record RetryPolicy(Duration first, Duration second, Duration later, int maxRetries) {
    /** Citus's schedule. */
    public static final RetryPolicy CITUS = new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(20),
            Duration.ofSeconds(60), 32);

    /** The wait before retry {@code retry} (1-based), or null when the task has failed for good. */
    Duration delay(int retry) {
        if (retry > maxRetries) {
            return null;
        }
        return retry == 1 ? first : retry == 2 ? second : later;
    }
}
