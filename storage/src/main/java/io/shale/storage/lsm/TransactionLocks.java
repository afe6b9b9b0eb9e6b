package io.shale.storage.lsm;

import io.shale.storage.LockStrength;
import io.shale.storage.WaitPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The row locks one transaction holds, and the log of how it got them, so that a rollback to a
 * savepoint can give back exactly the locks taken (or strengthened) after it. Used by the
 * transaction's thread only.
 */
final class TransactionLocks {
    private record Held(RowLock lock, LockStrength strength) {
    }

    private record Change(LockKey key, RowLock lock, LockStrength previous) {
    }

    private final LockManager manager;
    private final TransactionState owner;
    private final long lockTimeoutNanos;
    private final long deadlockTimeoutNanos;
    private final Map<LockKey, Held> held = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();

    TransactionLocks(LockManager manager, TransactionState owner, long lockTimeoutNanos,
                     long deadlockTimeoutNanos) {
        this.manager = manager;
        this.owner = owner;
        this.lockTimeoutNanos = lockTimeoutNanos;
        this.deadlockTimeoutNanos = deadlockTimeoutNanos;
    }

    /** The strength held on the key, or null. */
    LockStrength strength(LockKey key) {
        Held current = held.get(key);
        return current == null ? null : current.strength;
    }

    /** Holds at least {@code strength} on the key; false when SKIP_LOCKED skipped it. */
    boolean acquire(LockKey key, LockStrength strength, WaitPolicy policy) {
        Held current = held.get(key);
        if (current != null && current.strength.covers(strength)) {
            return true;
        }
        RowLock lock = manager.acquire(owner, key, strength, policy, lockTimeoutNanos, deadlockTimeoutNanos);
        if (lock == null) {
            return false;
        }
        changes.add(new Change(key, lock, current == null ? null : current.strength));
        held.put(key, new Held(lock, strength));
        return true;
    }

    /** A position in the log, for {@link #undoSince(int)}. */
    int mark() {
        return changes.size();
    }

    /** Gives back the locks taken or strengthened after the mark. */
    void undoSince(int mark) {
        for (int i = changes.size() - 1; i >= mark; i--) {
            Change change = changes.remove(i);
            manager.set(owner, change.lock, change.previous);
            if (change.previous == null) {
                held.remove(change.key);
            } else {
                held.put(change.key, new Held(change.lock, change.previous));
            }
        }
    }

    /** The locks held now with their strengths (what a prepared transaction keeps). */
    List<LogRecord.HeldLock> heldLocks() {
        List<LogRecord.HeldLock> result = new ArrayList<>(held.size());
        for (Map.Entry<LockKey, Held> entry : held.entrySet()) {
            result.add(new LogRecord.HeldLock(entry.getKey().bytes, entry.getValue().strength));
        }
        return result;
    }

    /** Releases every lock (end of transaction). */
    void releaseAll() {
        for (Held lock : held.values()) {
            manager.set(owner, lock.lock, null);
        }
        held.clear();
        changes.clear();
    }
}
