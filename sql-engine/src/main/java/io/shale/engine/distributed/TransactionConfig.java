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

    public TransactionConfig withRecoveryInterval(Duration interval) {
        return new TransactionConfig(interval, deadlockInterval, callTimeout);
    }

    public TransactionConfig withDeadlockInterval(Duration interval) {
        return new TransactionConfig(recoveryInterval, interval, callTimeout);
    }
}
