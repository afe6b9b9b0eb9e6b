package io.shale.storage.lsm;

/**
 * One version of a key: a value (null for a deletion) written by a transaction. Until the writer
 * commits, {@link #timestamp} is 0 and {@link #owner} decides visibility; after commit the
 * timestamp is stamped in and the owner dropped, so a reader needs no indirection.
 */
final class Version {
    final byte[] value;
    /** The writer's own ordering of its writes, for statement-level visibility of scans. */
    final long sequence;
    /** Commit timestamp, or 0 while provisional. Written before {@link #owner} is cleared. */
    volatile long timestamp;
    volatile TransactionState owner;
    /** The next older version. Set before publication; later only cut (pruning) or spliced. */
    volatile Version next;

    Version(byte[] value, TransactionState owner, long sequence) {
        this.value = value;
        this.owner = owner;
        this.sequence = sequence;
    }

    /** The commit timestamp, waiting out a commit in flight; 0 if not committed. */
    long committedTimestamp() {
        return committedTimestamp(true);
    }

    /** The commit timestamp if decided now, without waiting; 0 otherwise. */
    long committedTimestampNow() {
        return committedTimestamp(false);
    }

    private long committedTimestamp(boolean waitForCommit) {
        long ts = timestamp;
        if (ts != 0) {
            return ts;
        }
        TransactionState writer = owner;
        if (writer == null) {
            return timestamp;
        }
        return waitForCommit ? writer.commitTimestamp() : writer.commitTimestampNow();
    }

    /** A committed version: recovered from the log, or moved back from a sorted file. */
    static Version committed(byte[] value, long timestamp) {
        Version version = new Version(value, null, 0);
        version.timestamp = timestamp;
        return version;
    }

    /** The bytes this version accounts for in its prefix's size. */
    long size(byte[] key) {
        return key.length + (value == null ? 0 : value.length);
    }

    boolean isOwnedBy(TransactionState transaction) {
        return timestamp == 0 && owner == transaction;
    }
}
