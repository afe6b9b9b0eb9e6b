package io.shale.storage;

import java.util.List;

/**
 * A point-in-time view of a store's activity.
 *
 * @param runningTransactions ids of transactions not yet finished
 * @param keyCount number of live keys in the newest committed state (all versions counted once)
 * @param lockWaits the row lock waits between running transactions
 */
public record StoreStatistics(List<Long> runningTransactions, long keyCount, List<LockWait> lockWaits) {
    public StoreStatistics {
        runningTransactions = List.copyOf(runningTransactions);
        lockWaits = List.copyOf(lockWaits);
    }
}
