package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.LockStrength;
import io.shale.storage.LockWait;
import io.shale.storage.WaitPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

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
            RowLock.Waiter waiter;
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
                    case WAIT -> { }
                }
                waiter = new RowLock.Waiter(transaction, strength, Thread.currentThread());
                lock.enqueue(waiter);
            }
            return await(waiter, lock, lockTimeoutNanos, deadlockTimeoutNanos);
        }
    }

    /** Changes the strength a holder keeps (null releases the lock) and wakes the waiters. */
    void set(TransactionState transaction, RowLock lock, LockStrength strength) {
        synchronized (lock) {
            lock.set(transaction, strength);
            if (lock.hasWaiters()) {
                lock.wakeCompatible();
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

    /** Waits, queued, until the lock is granted; parks outside the lock's monitor. */
    private RowLock await(RowLock.Waiter waiter, RowLock lock, long lockTimeoutNanos,
                          long deadlockTimeoutNanos) {
        TransactionState transaction = waiter.transaction();
        LockStrength strength = waiter.strength();
        long start = System.nanoTime();
        boolean deadlockChecked = false;
        boolean granted = false;
        transaction.waitingStrength = strength;
        transaction.waitingOn = lock;
        try {
            while (true) {
                long parkNanos;
                synchronized (lock) {
                    if (!lock.conflicts(transaction, strength)) {
                        lock.set(transaction, strength);
                        granted = true;
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
                    parkNanos = checkNow ? 0 : waitNanos;
                }
                if (parkNanos > 0) {
                    park(lock, parkNanos);
                    continue;
                }
                deadlockChecked = true;
                String cycle = detector.closesCycle(transaction);
                if (cycle != null) {
                    throw new ShaleException(ErrorCode.DEADLOCK_DETECTED, "deadlock detected")
                            .withDetail(cycle)
                            .withHint("See server log for query details.");
                }
            }
        } finally {
            transaction.waitingOn = null;
            synchronized (lock) {
                lock.dequeue(waiter);
                if (!granted) {
                    lock.wakeCompatible();
                }
                if (lock.isFree()) {
                    retire(lock);
                }
            }
        }
    }

    /** Parks until unparked, the time is up, or the thread is interrupted (57014). */
    private static void park(RowLock lock, long nanos) {
        if (nanos == Long.MAX_VALUE) {
            LockSupport.park(lock);
        } else {
            LockSupport.parkNanos(lock, nanos);
        }
        if (Thread.interrupted()) {
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        }
    }

    private void retire(RowLock lock) {
        lock.dead = true;
        table.remove(lock.key, lock);
    }
}
