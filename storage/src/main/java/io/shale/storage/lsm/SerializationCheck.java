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
     * Whether the key's newest version (the reader's own, else the newest committed one, or null)
     * was committed by another transaction after the snapshot.
     */
    static boolean changedSinceSnapshot(Version newest, TransactionState reader, long snapshot) {
        return newest != null && !newest.isOwnedBy(reader) && newest.committedTimestamp() > snapshot;
    }

    /**
     * Fails for a change after the snapshot: an update (or insert) always; a deletion when the
     * snapshot saw the row.
     */
    static void fail(Version newest, boolean snapshotSawRow) {
        if (newest.value != null) {
            throw new ShaleException(ErrorCode.SERIALIZATION_FAILURE,
                    "could not serialize access due to concurrent update");
        }
        if (snapshotSawRow) {
            throw new ShaleException(ErrorCode.SERIALIZATION_FAILURE,
                    "could not serialize access due to concurrent delete");
        }
    }
}
