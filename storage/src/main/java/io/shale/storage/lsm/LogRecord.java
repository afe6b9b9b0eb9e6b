package io.shale.storage.lsm;

import io.shale.storage.LockStrength;

import java.util.List;

/**
 * The records the store writes to its write-ahead log, as decoded by recovery. The byte layout
 * of each is in {@link LogRecordCodec}.
 */
sealed interface LogRecord {

    /** A key and its new value (null: a deletion). */
    record Write(byte[] key, byte[] value) {
    }

    /** A row lock a prepared transaction holds. */
    record HeldLock(byte[] key, LockStrength strength) {
    }

    /** A committed transaction: its commit timestamp and its final writes. */
    record Commit(long timestamp, List<Write> writes) implements LogRecord {
        public Commit {
            writes = List.copyOf(writes);
        }
    }

    /**
     * The first writes of a large commit; the records of one commit are contiguous in the log and
     * count only once its COMMIT record follows.
     */
    record CommitPart(long timestamp, List<Write> writes) implements LogRecord {
        public CommitPart {
            writes = List.copyOf(writes);
        }
    }

    /** PREPARE TRANSACTION: everything needed to re-create the transaction after a restart. */
    record Prepare(String gid, long transactionId, long preparedAtMicros, String owner, String database,
                   List<Write> writes, List<HeldLock> locks) implements LogRecord {
        public Prepare {
            writes = List.copyOf(writes);
            locks = List.copyOf(locks);
        }
    }

    /** COMMIT PREPARED at a commit timestamp. */
    record CommitPrepared(String gid, long timestamp) implements LogRecord {
    }

    /** ROLLBACK PREPARED. */
    record RollbackPrepared(String gid) implements LogRecord {
    }

    /** destroyRange: every version of the range committed at or before the timestamp is gone. */
    record DestroyRange(byte[] fromInclusive, byte[] toExclusive, long timestamp) implements LogRecord {
    }
}
