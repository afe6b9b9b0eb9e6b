package io.shale.storage.memory;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.LockStrength;
import io.shale.storage.LockWait;
import io.shale.storage.WaitPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Row locks of one store: a table of the keys locked now, PostgreSQL's four strengths and their
 * conflicts, blocking waits with lock_timeout, deadlock detection after deadlock_timeout, and
 * cancellation by interrupt. Knows nothing of versions. Thread-safe; a lock entry exists only
 * while someone holds or waits for it.
 */
final class LockManager {
    private final ConcurrentHashMap<LockKey, RowLock> table = new ConcurrentHashMap<>();
    private final DeadlockDetector detector = new DeadlockDetector();

    /**
     * Makes {@code transaction} hold {@code strength} on the key (a stronger strength than it
     * held before, or its first), waiting for conflicting holders as the policy says.
     *
     * @return the lock entry, or null when {@link WaitPolicy#SKIP_LOCKED} skipped the row
     */
    RowLock acquire(TransactionState transaction, LockKey key, LockStrength strength, WaitPolicy policy,
                    long lockTimeoutNanos, long deadlockTimeoutNanos) {
        while (true) {
            RowLock lock = table.computeIfAbsent(key, RowLock::new);
            synchronized (lock) {
                if (lock.dead) {
                    continue;
                }
                if (!lock.conflicts(transaction, strength)) {
                    lock.set(transaction, strength);
                    return lock;
                }
                switch (policy) {
                    case NOWAIT -> throw new ShaleException(ErrorCode.LOCK_NOT_AVAILABLE,
                            "could not obtain lock on row");
                    case SKIP_LOCKED -> {
                        return null;
                    }
                    case WAIT -> lock.waiters++;
                }
            }
            return await(transaction, lock, strength, lockTimeoutNanos, deadlockTimeoutNanos);
        }
    }

    /** Changes the strength a holder keeps (null releases the lock) and wakes the waiters. */
    void set(TransactionState transaction, RowLock lock, LockStrength strength) {
        synchronized (lock) {
            lock.set(transaction, strength);
            if (lock.waiters > 0) {
                lock.notifyAll();
            } else if (lock.isFree()) {
                retire(lock);
            }
        }
    }

    /** The wait-for edges of the given transactions, for statistics. */
    List<LockWait> waits(Iterable<TransactionState> transactions) {
        List<LockWait> waits = new ArrayList<>();
        List<TransactionState> holders = new ArrayList<>();
        for (TransactionState waiter : transactions) {
            RowLock lock = waiter.waitingOn;
            LockStrength strength = waiter.waitingStrength;
            if (lock == null || strength == null) {
                continue;
            }
            holders.clear();
            synchronized (lock) {
                lock.collectConflicting(waiter, strength, holders);
            }
            for (TransactionState holder : holders) {
                waits.add(new LockWait(waiter.id, holder.id));
            }
        }
        return waits;
    }

    /** The number of keys locked or waited for now (for tests of lock table cleanup). */
    int lockedKeys() {
        return table.size();
    }

    private RowLock await(TransactionState transaction, RowLock lock, LockStrength strength,
                          long lockTimeoutNanos, long deadlockTimeoutNanos) {
        long start = System.nanoTime();
        boolean deadlockChecked = false;
        transaction.waitingStrength = strength;
        transaction.waitingOn = lock;
        try {
            while (true) {
                synchronized (lock) {
                    if (!lock.conflicts(transaction, strength)) {
                        lock.set(transaction, strength);
                        return lock;
                    }
                    long now = System.nanoTime();
                    long waitNanos = Long.MAX_VALUE;
                    if (lockTimeoutNanos > 0) {
                        waitNanos = start + lockTimeoutNanos - now;
                        if (waitNanos <= 0) {
                            throw new ShaleException(ErrorCode.LOCK_NOT_AVAILABLE,
                                    "canceling statement due to lock timeout");
                        }
                    }
                    boolean checkNow = false;
                    if (!deadlockChecked) {
                        long untilCheck = start + deadlockTimeoutNanos - now;
                        checkNow = untilCheck <= 0;
                        waitNanos = Math.min(waitNanos, untilCheck);
                    }
                    if (!checkNow) {
                        waitOn(lock, waitNanos);
                        continue;
                    }
                }
                deadlockChecked = true;
                if (detector.closesCycle(transaction)) {
                    throw new ShaleException(ErrorCode.DEADLOCK_DETECTED, "deadlock detected")
                            .withHint("See server log for query details.");
                }
            }
        } finally {
            transaction.waitingOn = null;
            synchronized (lock) {
                lock.waiters--;
                if (lock.isFree()) {
                    retire(lock);
                }
            }
        }
    }

    private static void waitOn(RowLock lock, long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                lock.wait();
            } else {
                long millis = nanos / 1_000_000;
                int rest = (int) (nanos % 1_000_000);
                lock.wait(millis, millis == 0 && rest == 0 ? 1 : rest);
            }
        } catch (InterruptedException e) {
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
    }

    private void retire(RowLock lock) {
        lock.dead = true;
        table.remove(lock.key, lock);
    }
}
