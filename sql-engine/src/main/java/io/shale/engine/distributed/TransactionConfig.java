package io.shale.engine.distributed;

import java.time.Duration;

/**
 * Timing of distributed transactions on a node.
 *
 * @param recoveryInterval how often prepared transactions left by failures are finished
 *     ({@code citus.recover_2pc_interval}, 60 s; zero or negative disables the automatic runs)
 * @param deadlockInterval how often distributed deadlocks are looked for ({@code deadlock_timeout} ×
 *     {@code citus.distributed_deadlock_detection_factor}, 2 s; zero or negative disables)
 * @param callTimeout the longest wait for a transaction control call (prepare, commit, list) to another node
 */
public record TransactionConfig(Duration recoveryInterval, Duration deadlockInterval, Duration callTimeout) {

    public static TransactionConfig defaults() {
        return new TransactionConfig(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /**
     * The configuration a node's settings give: {@code citus.recover_2pc_interval} (a time, {@code -1} disables),
     * {@code citus.distributed_deadlock_detection_factor} × {@code deadlock_timeout} ({@code -1} disables).
     */
    public static TransactionConfig fromSettings(java.util.Map<String, String> settings) {
        TransactionConfig defaults = defaults();
        Duration recovery = defaults.recoveryInterval;
        String interval = settings.get("citus.recover_2pc_interval");
        if (interval != null) {
            long ms = TaskSettings.milliseconds(interval.trim());
            recovery = ms < 0 ? Duration.ZERO : Duration.ofMillis(ms);
        }
        long deadlockTimeout = settings.containsKey("deadlock_timeout")
                ? TaskSettings.milliseconds(settings.get("deadlock_timeout").trim()) : 1000;
        double factor = 2.0;
        String factorText = settings.get("citus.distributed_deadlock_detection_factor");
        if (factorText != null) {
            try {
                factor = Double.parseDouble(factorText.trim());
            } catch (NumberFormatException e) {
                throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid value for parameter \"citus.distributed_deadlock_detection_factor\": \"" + factorText + "\"");
            }
        }
        Duration deadlock = factor < 0 ? Duration.ZERO : Duration.ofMillis((long) (deadlockTimeout * factor));
        return new TransactionConfig(recovery, deadlock, defaults.callTimeout);
    }

    public TransactionConfig withRecoveryInterval(Duration interval) {
        return new TransactionConfig(interval, deadlockInterval, callTimeout);
    }

    public TransactionConfig withDeadlockInterval(Duration interval) {
        return new TransactionConfig(recoveryInterval, interval, callTimeout);
    }
}
