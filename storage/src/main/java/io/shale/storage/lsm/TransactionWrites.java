package io.shale.storage.lsm;

import java.util.ArrayList;
import java.util.List;

/**
 * The provisional versions one transaction put into the version store, in order, so that a
 * rollback (to a savepoint) can take them out again and a commit can stamp them. Used by the
 * transaction's thread only.
 */
final class TransactionWrites {
    private record Write(VersionChain chain, Version version) {
    }

    private final VersionStore versions;
    private final TransactionState owner;
    private final List<Write> writes = new ArrayList<>();
    /** Numbers own versions; never reused, so a cursor's limit stays right across rollbacks. */
    private long sequence;

    TransactionWrites(VersionStore versions, TransactionState owner) {
        this.versions = versions;
        this.owner = owner;
    }

    /** Puts a provisional version (null value: a deletion) on top of the key's chain. */
    void write(byte[] key, byte[] value) {
        Version version = new Version(value, owner, sequence++);
        writes.add(new Write(versions.push(key, version), version));
    }

    /** The sequence number the next write gets: own versions below it exist now. */
    long nextSequence() {
        return sequence;
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    int size() {
        return writes.size();
    }

    VersionChain chain(int index) {
        return writes.get(index).chain;
    }

    Version version(int index) {
        return writes.get(index).version;
    }

    /**
     * Whether the write is the transaction's last one to its key (the one a commit keeps): the
     * writer holds the key's lock, so its newest version is the chain's head.
     */
    boolean isFinal(int index) {
        Write write = writes.get(index);
        return write.chain.head == write.version;
    }

    /** The last write to each key, in the order written. */
    List<LogRecord.Write> finalWrites() {
        List<LogRecord.Write> result = new ArrayList<>();
        for (int i = 0, n = writes.size(); i < n; i++) {
            if (isFinal(i)) {
                result.add(new LogRecord.Write(chain(i).key, version(i).value));
            }
        }
        return result;
    }

    /** A position in the log, for {@link #undoSince(int)}. */
    int mark() {
        return writes.size();
    }

    /** Takes the versions written after the mark out of their chains, newest first. */
    void undoSince(int mark) {
        for (int i = writes.size() - 1; i >= mark; i--) {
            Write write = writes.remove(i);
            versions.unlink(write.chain, write.version);
        }
    }

    /** Stamps the commit timestamp into every written chain (the outcome is already decided). */
    void stamp(long commitTimestamp, long horizon) {
        for (int i = 0, n = writes.size(); i < n; i++) {
            versions.stamp(writes.get(i).chain, owner, commitTimestamp, horizon);
        }
    }
}
