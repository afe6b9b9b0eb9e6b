package io.shale.storage.memory;

import io.shale.storage.LockStrength;

import java.util.List;

/**
 * The holders of one key's row lock and the count of threads waiting for it. Every field is
 * guarded by the object's monitor, which waiters also wait on; any release notifies them.
 */
final class RowLock {
    final LockKey key;
    private TransactionState[] holders = new TransactionState[2];
    private LockStrength[] strengths = new LockStrength[2];
    private int count;
    int waiters;
    /** Set once the lock left the lock table; acquirers then look it up again. */
    boolean dead;

    RowLock(LockKey key) {
        this.key = key;
    }

    boolean isFree() {
        return count == 0 && waiters == 0;
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
