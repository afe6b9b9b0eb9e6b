package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.ChangeCursor;
import io.shale.storage.KeyCursor;
import io.shale.storage.StoreSnapshot;

/**
 * A {@link StoreSnapshot}: a pin on the store's pruning horizon (and, with sorted files, on
 * compaction's), so that the range as of {@link #timestamp()} and every change after the pin
 * stay readable until {@link #close()}. Used by one thread at a time; the pin is read by others.
 */
final class PinnedSnapshot implements StoreSnapshot {
    private final LsmKeyValueStore store;
    private long timestamp;
    private volatile long pinned = TransactionState.SNAPSHOT_PENDING;
    private boolean closed;

    PinnedSnapshot(LsmKeyValueStore store) {
        this.store = store;
    }

    void pin(long at) {
        timestamp = at;
        pinned = at;
    }

    /** The oldest timestamp whose history must be kept ({@code SNAPSHOT_PENDING} while opening). */
    long pinned() {
        return pinned;
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    @Override
    public KeyCursor scan(byte[] fromInclusive, byte[] toExclusive) {
        checkOpen();
        if (pinned > timestamp) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "the snapshot at " + timestamp + " was advanced to " + pinned + " and can no longer be scanned");
        }
        return store.snapshotCursor(fromInclusive, toExclusive, timestamp);
    }

    @Override
    public ChangeCursor changes(byte[] fromInclusive, byte[] toExclusive, long afterTimestamp, long untilTimestamp) {
        checkOpen();
        if (afterTimestamp < pinned) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "changes after " + afterTimestamp + " are no longer available: the snapshot is pinned at " + pinned);
        }
        long stable = store.stableTimestamp();
        if (untilTimestamp > stable) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "changes up to " + untilTimestamp + " are not stable yet (stable timestamp " + stable + ")");
        }
        return store.changes(fromInclusive, toExclusive, afterTimestamp, untilTimestamp);
    }

    @Override
    public void advance(long to) {
        checkOpen();
        if (to > pinned) {
            pinned = to;
            store.dropUnpinnedChanges();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            store.unpin(this);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "the store snapshot is closed");
        }
    }
}
