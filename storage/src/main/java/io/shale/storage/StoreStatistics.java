package io.shale.storage;

import java.util.List;

/**
 * A point-in-time view of a store's activity.
 *
 * @param runningTransactions ids of transactions not yet finished
 * @param keyCount number of live keys (all versions counted once)
 */
public record StoreStatistics(List<Long> runningTransactions, long keyCount) {
    public StoreStatistics {
        runningTransactions = List.copyOf(runningTransactions);
    }
}
