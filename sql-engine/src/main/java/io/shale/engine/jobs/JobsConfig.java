package io.shale.engine.jobs;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The runner's settings, read from the node's settings when it starts: {@code citus.background_task_queue_interval}
 * (5 s; how often the queue is polled besides the wake-ups when a job is scheduled or a task ends; -1 polls only
 * then), {@code citus.max_background_task_executors} (1), {@code citus.max_background_task_executors_per_node} (1)
 * and, for tests, {@code shale.background_task_retry_delays}: the waits before the first, the second and each later
 * retry in milliseconds, comma-separated (Citus's 5000,20000,60000).
 */
public record JobsConfig(Duration queueInterval, int maxExecutors, int maxExecutorsPerNode, RetryPolicy retries) {
    /** Citus's defaults. */
    public static final JobsConfig DEFAULTS = new JobsConfig(Duration.ofSeconds(5), 1, 1, RetryPolicy.CITUS);

    /** The configuration in {@code settings} (lower-case names to values), Citus's defaults for what is missing. */
    public static JobsConfig fromSettings(Map<String, String> settings) {
        long interval = millis(settings.get("citus.background_task_queue_interval"), 5000);
        int executors = (int) millis(settings.get("citus.max_background_task_executors"), 1);
        int perNode = (int) millis(settings.get("citus.max_background_task_executors_per_node"), 1);
        RetryPolicy retries = RetryPolicy.CITUS;
        String delays = settings.get("shale.background_task_retry_delays");
        if (delays != null) {
            String[] parts = delays.split(",");
            retries = new RetryPolicy(Duration.ofMillis(millis(parts[0], 5000)),
                    Duration.ofMillis(millis(parts.length > 1 ? parts[1] : parts[0], 20000)),
                    Duration.ofMillis(millis(parts[parts.length - 1], 60000)), RetryPolicy.CITUS.maxRetries());
        }
        return new JobsConfig(Duration.ofMillis(interval), Math.max(1, executors), Math.max(1, perNode), retries);
    }

    private static long millis(String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        long scale = 1;
        if (v.endsWith("ms")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("min")) {
            v = v.substring(0, v.length() - 3);
            scale = 60_000;
        } else if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
            scale = 1000;
        }
        try {
            return Long.parseLong(v.trim()) * scale;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
