package io.shale.storage.lsm;

import io.shale.storage.LockStrength;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches the wait-for graph (a waiting transaction → the holders of conflicting locks on the
 * row it waits for) for a cycle through one transaction. Checks run one at a time, and a
 * transaction that finds a cycle leaves the graph before the next check, so of two transactions
 * in a deadlock exactly one is chosen, as in PostgreSQL.
 */
final class DeadlockDetector {

    /**
     * Whether the wait of {@code waiter} closes a cycle; if so, takes it out of the graph and
     * returns the cycle's description (PostgreSQL's DETAIL, one line per wait), else null.
     */
    synchronized String closesCycle(TransactionState waiter) {
        RowLock start = waiter.waitingOn;
        LockStrength startStrength = waiter.waitingStrength;
        if (start == null || startStrength == null) {
            return null;
        }
        List<TransactionState> frontier = new ArrayList<>();
        Map<TransactionState, TransactionState> blockedBy = new IdentityHashMap<>();
        collect(start, waiter, startStrength, frontier, blockedBy);
        while (!frontier.isEmpty()) {
            TransactionState next = frontier.removeLast();
            if (next == waiter) {
                waiter.waitingOn = null;
                return describe(waiter, blockedBy);
            }
            RowLock lock = next.waitingOn;
            LockStrength strength = next.waitingStrength;
            if (lock != null && strength != null) {
                collect(lock, next, strength, frontier, blockedBy);
            }
        }
        return null;
    }

    /** Adds the holders blocking {@code waiting} that were not reached before. */
    private static void collect(RowLock lock, TransactionState waiting, LockStrength strength,
                                List<TransactionState> frontier, Map<TransactionState, TransactionState> blockedBy) {
        List<TransactionState> holders = new ArrayList<>();
        synchronized (lock) {
            lock.collectConflicting(waiting, strength, holders);
        }
        for (TransactionState holder : holders) {
            if (!blockedBy.containsKey(holder)) {
                blockedBy.put(holder, waiting);
                frontier.add(holder);
            }
        }
    }

    /** Walks the cycle back from the waiter: each entry of blockedBy says who waits for whom. */
    private static String describe(TransactionState waiter, Map<TransactionState, TransactionState> blockedBy) {
        List<String> lines = new ArrayList<>();
        TransactionState holder = waiter;
        do {
            TransactionState waiting = blockedBy.get(holder);
            lines.addFirst("Transaction " + waiting.id + " waits for a row lock held by transaction "
                    + holder.id + ".");
            holder = waiting;
        } while (holder != waiter && lines.size() <= blockedBy.size());
        return String.join("\n", lines);
    }
}
