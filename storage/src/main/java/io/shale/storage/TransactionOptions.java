package io.shale.storage;

import java.time.Duration;

/**
 * How a transaction reads and waits.
 *
 * @param isolation READ_COMMITTED takes a new snapshot at each {@link Transaction#newSnapshot()};
 *     REPEATABLE_READ keeps the first one
 * @param readOnly writes fail with 25006
 * @param lockTimeout the longest wait for one row lock (0 = unbounded), 55P03 after it
 * @param deadlockTimeout how long a wait lasts before the deadlock check runs
 * @param synchronousCommit whether {@link Transaction#commit()} returns only once the commit is
 *     durable (PostgreSQL's {@code synchronous_commit}); when off, a crash may lose the last
 *     commits but never leaves one half applied
 */
public record TransactionOptions(IsolationLevel isolation, boolean readOnly, Duration lockTimeout,
                                 Duration deadlockTimeout, boolean synchronousCommit) {

    /** Options with synchronous commit on. */
    public TransactionOptions(IsolationLevel isolation, boolean readOnly, Duration lockTimeout,
                              Duration deadlockTimeout) {
        this(isolation, readOnly, lockTimeout, deadlockTimeout, true);
    }

    public static TransactionOptions defaults() {
        return new TransactionOptions(IsolationLevel.READ_COMMITTED, false, Duration.ZERO,
                Duration.ofSeconds(1), true);
    }

    /** PostgreSQL's isolation levels; SERIALIZABLE is refused by the engine until it is real. */
    public enum IsolationLevel { READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE }
}
