package io.shale.storage.lsm;

import io.shale.storage.LockStrength;

/**
 * The part of a transaction that other threads look at: its outcome (which decides whether its
 * provisional versions are visible), its snapshot (which bounds pruning) and the lock it waits
 * for (the wait-for graph). All fields are volatile; only the owning thread (or, for a prepared
 * transaction, the one committing it) writes them.
 */
final class TransactionState {
    /** {@link #outcome}: still running, its versions are invisible to others. */
    static final long IN_PROGRESS = 0;
    /** {@link #outcome}: committing (timestamp taken, waiting to be durable); readers wait. */
    static final long COMMITTING = -1;
    /** {@link #outcome}: rolled back. */
    static final long ABORTED = -2;
    /** {@link #snapshot}: a new snapshot is being taken; pruning must not trust the slot now. */
    static final long SNAPSHOT_PENDING = -1;

    private static final int SPINS_BEFORE_BLOCKING = 128;

    final long id;
    /** IN_PROGRESS, COMMITTING, ABORTED, or the commit timestamp (positive). */
    volatile long outcome = IN_PROGRESS;
    volatile long snapshot = SNAPSHOT_PENDING;
    /** The commit timestamp taken while COMMITTING (0 before), for the stable timestamp. */
    volatile long pendingTimestamp;
    volatile RowLock waitingOn;
    volatile LockStrength waitingStrength;
    /** Set (under the monitor) by a reader blocked on a COMMITTING outcome. */
    private volatile boolean readersWaiting;

    TransactionState(long id) {
        this.id = id;
    }

    /**
     * The commit timestamp, or 0 when the transaction is running or rolled back. While it is
     * committing (its timestamp taken, its log record not yet durable), waits for the result:
     * that is what makes a commit atomic for readers whose snapshot was taken during it, and
     * keeps a commit invisible until it is durable.
     */
    long commitTimestamp() {
        long value = outcome;
        if (value == COMMITTING) {
            value = awaitOutcome();
        }
        return value > 0 ? value : 0;
    }

    /** The commit timestamp if already decided, without waiting; 0 otherwise. */
    long commitTimestampNow() {
        long value = outcome;
        return value > 0 ? value : 0;
    }

    /** Decides the outcome (a commit timestamp or ABORTED) and wakes blocked readers. */
    void publish(long decided) {
        outcome = decided;
        if (readersWaiting) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private long awaitOutcome() {
        for (int i = 0; i < SPINS_BEFORE_BLOCKING; i++) {
            Thread.onSpinWait();
            long value = outcome;
            if (value != COMMITTING) {
                return value;
            }
        }
        boolean interrupted = false;
        try {
            synchronized (this) {
                while (true) {
                    readersWaiting = true;
                    long value = outcome;
                    if (value != COMMITTING) {
                        return value;
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
