package io.shale.catalog.distribution;

import java.util.List;

/**
 * One row of {@code pg_dist_cleanup}: a resource left behind by a shard operation, dropped later; for a shard
 * placement left on its old node by a move, the storage ids of its table and indexes, kept until then.
 *
 * @param objectType 1 (shard placement)
 * @param policyType 2 (deferred on success)
 */
public record CleanupRecord(long recordId, long operationId, int objectType, String objectName, int groupId,
                            int policyType, List<Long> storageIds) {
    public CleanupRecord {
        storageIds = List.copyOf(storageIds);
    }
}
