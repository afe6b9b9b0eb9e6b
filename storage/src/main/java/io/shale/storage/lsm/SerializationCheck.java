package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/**
 * REPEATABLE READ's write rule: the row a transaction is about to lock or change must not have
 * been changed by a transaction that committed after its snapshot. PostgreSQL raises 40001
 * there, where READ COMMITTED would go on with the newest version. Nothing is reported when the
 * key is absent both in the snapshot and now.
 */
final class SerializationCheck {
    private SerializationCheck() {
    }

    /**
     * @param chain the key's chain (non-null when {@code newest} is)
     * @param newest the reader's own newest version, else the newest committed one, or null
     */
    static void check(VersionChain chain, Version newest, TransactionState reader, long snapshot) {
        if (newest == null || newest.isOwnedBy(reader) || newest.committedTimestamp() <= snapshot) {
            return;
        }
        if (newest.value != null) {
            throw new ShaleException(ErrorCode.SERIALIZATION_FAILURE,
                    "could not serialize access due to concurrent update");
        }
        Version seen = chain.visible(reader, snapshot, Long.MAX_VALUE);
        if (seen != null && seen.value != null) {
            throw new ShaleException(ErrorCode.SERIALIZATION_FAILURE,
                    "could not serialize access due to concurrent delete");
        }
    }
}
