package io.shale.storage.memory;

import io.shale.storage.LockStrength;

/**
 * The part of a transaction that other threads look at: its outcome (which decides whether its
 * provisional versions are visible), its snapshot (which bounds pruning) and the lock it waits
 * for (the wait-for graph). All fields are volatile; only the owning thread writes them.
 */
final class TransactionState {
    /** {@link #outcome}: still running, its versions are invisible to others. */
    static final long IN_PROGRESS = 0;
    /** {@link #outcome}: taking its commit timestamp; readers wait a moment for the result. */
    static final long COMMITTING = -1;
    /** {@link #outcome}: rolled back. */
    static final long ABORTED = -2;
    /** {@link #snapshot}: a new snapshot is being taken; pruning must not trust the slot now. */
    static final long SNAPSHOT_PENDING = -1;

    private static final int SPINS_BEFORE_YIELD = 64;

    final long id;
    /** IN_PROGRESS, COMMITTING, ABORTED, or the commit timestamp (positive). */
    volatile long outcome = IN_PROGRESS;
    volatile long snapshot = SNAPSHOT_PENDING;
    volatile RowLock waitingOn;
    volatile LockStrength waitingStrength;

    TransactionState(long id) {
        this.id = id;
    }

    /**
     * The commit timestamp, or 0 when the transaction is running or rolled back. While it is
     * between "committing" and "committed" (a few instructions), waits for the result: that is
     * what makes a commit atomic for readers whose snapshot was taken during it.
     */
    long commitTimestamp() {
        long value = outcome;
        int spins = 0;
        while (value == COMMITTING) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
            value = outcome;
        }
        return value > 0 ? value : 0;
    }

    /** The commit timestamp if already decided, without waiting; 0 otherwise. */
    long commitTimestampNow() {
        long value = outcome;
        return value > 0 ? value : 0;
    }
}
