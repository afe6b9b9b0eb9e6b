package io.shale.storage.memory;

import io.shale.storage.LockStrength;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Searches the wait-for graph (a waiting transaction → the holders of conflicting locks on the
 * row it waits for) for a cycle through one transaction. Checks run one at a time, and a
 * transaction that finds a cycle leaves the graph before the next check, so of two transactions
 * in a deadlock exactly one is chosen, as in PostgreSQL.
 */
final class DeadlockDetector {

    /** Whether the wait of {@code waiter} closes a cycle; if so, takes it out of the graph. */
    synchronized boolean closesCycle(TransactionState waiter) {
        RowLock start = waiter.waitingOn;
        LockStrength startStrength = waiter.waitingStrength;
        if (start == null || startStrength == null) {
            return false;
        }
        List<TransactionState> frontier = new ArrayList<>();
        synchronized (start) {
            start.collectConflicting(waiter, startStrength, frontier);
        }
        Set<TransactionState> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!frontier.isEmpty()) {
            TransactionState next = frontier.removeLast();
            if (next == waiter) {
                waiter.waitingOn = null;
                return true;
            }
            if (!visited.add(next)) {
                continue;
            }
            RowLock lock = next.waitingOn;
            LockStrength strength = next.waitingStrength;
            if (lock != null && strength != null) {
                synchronized (lock) {
                    lock.collectConflicting(next, strength, frontier);
                }
            }
        }
        return false;
    }
}
