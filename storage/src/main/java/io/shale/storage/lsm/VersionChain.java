package io.shale.storage.lsm;

import java.util.concurrent.atomic.LongAdder;

/**
 * The versions of one key held in memory, newest first. Readers walk it without locking; writers
 * change it only under its monitor ({@link VersionStore}). Committed versions are ordered by
 * commit timestamp because a writer holds the key's row lock from its first write until its
 * commit; a running writer's provisional versions are always on top. Older versions of the key
 * may live in sorted files, below every version here.
 */
final class VersionChain {
    final byte[] key;
    /** The bytes of this key's prefix held in memory (committed versions). */
    final LongAdder prefixSize;
    volatile Version head;
    /** Set (under the monitor) once the chain left the map; writers then start a new chain. */
    boolean removed;
    /** Set (under the monitor) once the chain is in the store's ordered map. */
    boolean ordered;

    VersionChain(byte[] key, LongAdder prefixSize) {
        this.key = key;
        this.prefixSize = prefixSize;
    }

    /**
     * The version a reader sees: its own newest write made before {@code ownSequenceLimit}, else
     * the newest version committed at or before {@code snapshot}; null when there is none here.
     */
    Version visible(TransactionState reader, long snapshot, long ownSequenceLimit) {
        for (Version v = head; v != null; v = v.next) {
            long ts = v.timestamp;
            if (ts == 0) {
                TransactionState writer = v.owner;
                if (writer == reader) {
                    if (v.sequence < ownSequenceLimit) {
                        return v;
                    }
                    continue;
                }
                ts = writer == null ? v.timestamp : writer.commitTimestamp();
                if (ts == 0) {
                    continue;
                }
            }
            if (ts <= snapshot) {
                return v;
            }
        }
        return null;
    }

    /** The reader's own newest write, else the newest committed version; null when none here. */
    Version newest(TransactionState reader) {
        for (Version v = head; v != null; v = v.next) {
            if (v.timestamp != 0) {
                return v;
            }
            TransactionState writer = v.owner;
            if (writer == reader || v.committedTimestamp() != 0) {
                return v;
            }
        }
        return null;
    }

    /** The newest committed version, not waiting for a commit in flight; null when none. */
    Version newestCommittedNow() {
        for (Version v = head; v != null; v = v.next) {
            if (v.committedTimestampNow() != 0) {
                return v;
            }
        }
        return null;
    }

    /**
     * Cuts the versions below the newest one committed at or before {@code horizon}: no snapshot
     * at or after the horizon can reach them. Caller holds the monitor.
     *
     * @return whether the whole chain is now one deletion that every snapshot sees
     */
    boolean pruneLocked(long horizon) {
        for (Version v = head; v != null; v = v.next) {
            long ts = v.committedTimestampNow();
            if (ts != 0 && ts <= horizon) {
                cutBelowLocked(v);
                return v == head && v.value == null;
            }
        }
        return false;
    }

    /** Cuts every version below {@code keep}, taking their bytes off the prefix's size. */
    void cutBelowLocked(Version keep) {
        Version cut = keep.next;
        if (cut == null) {
            return;
        }
        keep.next = null;
        long bytes = 0;
        for (Version v = cut; v != null; v = v.next) {
            bytes += v.size(key);
        }
        prefixSize.add(-bytes);
    }

    /** The bytes of every committed version here (taken off the prefix when the chain goes). */
    long committedSizeLocked() {
        long bytes = 0;
        for (Version v = head; v != null; v = v.next) {
            if (v.timestamp != 0) {
                bytes += v.size(key);
            }
        }
        return bytes;
    }
}
