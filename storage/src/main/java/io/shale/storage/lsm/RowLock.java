package io.shale.storage.lsm;

import io.shale.storage.LockStrength;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The holders of one key's row lock and the queue of threads waiting for it. Every field is
 * guarded by the object's monitor. A release wakes, in queue order, only the waiters it lets in
 * (compatible with the holders and with each other), not the whole queue.
 */
final class RowLock {
    /** A parked thread waiting for a strength. */
    record Waiter(TransactionState transaction, LockStrength strength, Thread thread) {
    }

    final LockKey key;
    private TransactionState[] holders = new TransactionState[2];
    private LockStrength[] strengths = new LockStrength[2];
    private int count;
    private ArrayDeque<Waiter> queue;
    /** Set once the lock left the lock table; acquirers then look it up again. */
    boolean dead;

    RowLock(LockKey key) {
        this.key = key;
    }

    boolean isFree() {
        return count == 0 && !hasWaiters();
    }

    boolean hasWaiters() {
        return queue != null && !queue.isEmpty();
    }

    void enqueue(Waiter waiter) {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        queue.addLast(waiter);
    }

    void dequeue(Waiter waiter) {
        queue.remove(waiter);
    }

    /**
     * Unparks, in queue order, each waiter that the holders and the waiters woken before it leave
     * in (conflicts grow with strength, so checking the strongest woken one is enough).
     */
    void wakeCompatible() {
        if (queue == null) {
            return;
        }
        LockStrength strongestWoken = null;
        for (Waiter waiter : queue) {
            if (conflicts(waiter.transaction, waiter.strength)
                    || strongestWoken != null && strongestWoken.conflictsWith(waiter.strength)) {
                continue;
            }
            if (strongestWoken == null || waiter.strength.covers(strongestWoken)) {
                strongestWoken = waiter.strength;
            }
            LockSupport.unpark(waiter.thread);
        }
    }

    /** Whether a holder other than {@code requester} blocks {@code strength}. */
    boolean conflicts(TransactionState requester, LockStrength strength) {
        for (int i = 0; i < count; i++) {
            if (holders[i] != requester && strengths[i].conflictsWith(strength)) {
                return true;
            }
        }
        return false;
    }

    void collectConflicting(TransactionState requester, LockStrength strength,
                            List<TransactionState> out) {
        for (int i = 0; i < count; i++) {
            if (holders[i] != requester && strengths[i].conflictsWith(strength)) {
                out.add(holders[i]);
            }
        }
    }

    /** Sets the holder's strength (null: no longer a holder). */
    void set(TransactionState holder, LockStrength strength) {
        for (int i = 0; i < count; i++) {
            if (holders[i] == holder) {
                if (strength != null) {
                    strengths[i] = strength;
                } else {
                    count--;
                    holders[i] = holders[count];
                    strengths[i] = strengths[count];
                    holders[count] = null;
                    strengths[count] = null;
                }
                return;
            }
        }
        if (strength == null) {
            return;
        }
        if (count == holders.length) {
            holders = java.util.Arrays.copyOf(holders, count * 2);
            strengths = java.util.Arrays.copyOf(strengths, count * 2);
        }
        holders[count] = holder;
        strengths[count] = strength;
        count++;
    }
}
