package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.KeyCursor;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.WaitPolicy;

import io.shale.storage.sstable.Entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A transaction of a {@link LsmKeyValueStore}. Its writes are provisional versions on top of
 * their keys' chains, invisible to others until its commit is durable and published; it holds
 * the row lock of every key it writes. Used by one thread at a time.
 */
final class StoreTransaction implements Transaction {
    private record Savepoint(int handle, int writeMark, int lockMark) {
    }

    private final LsmKeyValueStore store;
    private final VersionStore versions;
    private final TransactionState state;
    private final TransactionLocks locks;
    private final TransactionWrites writes;
    private final boolean repeatableRead;
    private final boolean readOnly;
    private final boolean synchronousCommit;
    private final List<Savepoint> savepoints = new ArrayList<>();
    private final List<StoreKeyCursor> openCursors = new ArrayList<>();
    private long snapshot;
    /** The sorted files read so far (null: none yet, or the store has none). */
    private FileSet heldFiles;
    private int nextSavepoint = 1;
    private boolean finished;

    StoreTransaction(LsmKeyValueStore store, VersionStore versions, LockManager lockManager,
                      TransactionState state, TransactionOptions options, long snapshot) {
        this.store = store;
        this.versions = versions;
        this.state = state;
        this.locks = new TransactionLocks(lockManager, state, options.lockTimeout().toNanos(),
                options.deadlockTimeout().toNanos());
        this.writes = new TransactionWrites(versions, state);
        this.repeatableRead = options.isolation() != TransactionOptions.IsolationLevel.READ_COMMITTED;
        this.readOnly = options.readOnly();
        this.synchronousCommit = options.synchronousCommit();
        this.snapshot = snapshot;
    }

    @Override
    public long id() {
        return state.id;
    }

    @Override
    public void newSnapshot() {
        checkActive();
        if (!repeatableRead) {
            snapshot = store.takeSnapshot(state, oldestCursorSnapshot());
            if (openCursors.isEmpty()) {
                releaseFiles();
            }
        }
    }

    @Override
    public byte[] get(byte[] key) {
        checkActive();
        VersionChain chain = versions.chain(key);
        if (chain != null) {
            Version version = chain.visible(state, snapshot, Long.MAX_VALUE);
            if (version != null) {
                return version.value;
            }
        }
        FileSet files = files();
        return files == null ? null : files.get(key, snapshot);
    }

    @Override
    public KeyCursor scan(byte[] fromInclusive, byte[] toExclusive, boolean descending) {
        checkActive();
        StoreKeyCursor cursor = new StoreKeyCursor(this, state,
                versions.iterate(fromInclusive, toExclusive, descending), files(), false, fromInclusive,
                toExclusive, descending, snapshot, writes.nextSequence());
        openCursors.add(cursor);
        return cursor;
    }

    @Override
    public byte[] lock(byte[] key, LockStrength strength, WaitPolicy waitPolicy) {
        checkActive();
        int mark = locks.mark();
        if (!locks.acquire(new LockKey(key), strength, waitPolicy)) {
            return SKIPPED;
        }
        Version newest = newest(key);
        checkConcurrentUpdate(key, newest);
        if (newest == null || newest.value == null) {
            locks.undoSince(mark);
            return null;
        }
        return newest.value;
    }

    @Override
    public void put(byte[] key, byte[] value) {
        Objects.requireNonNull(value, "value");
        checkWritable();
        LockKey lockKey = new LockKey(key);
        LockStrength held = locks.strength(lockKey);
        if (held == null || !held.covers(LockStrength.FOR_NO_KEY_UPDATE)) {
            locks.acquire(lockKey, LockStrength.FOR_UPDATE, WaitPolicy.WAIT);
        }
        if (repeatableRead) {
            checkConcurrentUpdate(key, newest(key));
        }
        writes.write(key, value);
    }

    @Override
    public boolean insert(byte[] key, byte[] value) {
        Objects.requireNonNull(value, "value");
        checkWritable();
        VersionChain chain = versions.chain(key);
        if (chain != null) {
            Version head = chain.head;
            if (head != null && head.value != null
                    && (head.isOwnedBy(state) || head.committedTimestamp() != 0)) {
                return false;
            }
        }
        int mark = locks.mark();
        locks.acquire(new LockKey(key), LockStrength.FOR_UPDATE, WaitPolicy.WAIT);
        Version newest = newest(key);
        if (newest != null && newest.value != null) {
            locks.undoSince(mark);
            return false;
        }
        writes.write(key, value);
        return true;
    }

    @Override
    public void delete(byte[] key) {
        checkWritable();
        int mark = locks.mark();
        locks.acquire(new LockKey(key), LockStrength.FOR_UPDATE, WaitPolicy.WAIT);
        Version newest = newest(key);
        checkConcurrentUpdate(key, newest);
        if (newest != null && newest.value != null) {
            writes.write(key, null);
        } else {
            locks.undoSince(mark);
        }
    }

    @Override
    public int savepoint() {
        checkActive();
        int handle = nextSavepoint++;
        savepoints.add(new Savepoint(handle, writes.mark(), locks.mark()));
        return handle;
    }

    @Override
    public void rollbackTo(int savepoint) {
        checkActive();
        int index = savepointIndex(savepoint);
        Savepoint target = savepoints.get(index);
        savepoints.subList(index + 1, savepoints.size()).clear();
        writes.undoSince(target.writeMark);
        locks.undoSince(target.lockMark);
    }

    @Override
    public void release(int savepoint) {
        checkActive();
        int index = savepointIndex(savepoint);
        savepoints.subList(index, savepoints.size()).clear();
    }

    @Override
    public void prepare(String gid, String owner, String database) {
        checkActive();
        try {
            store.prepare(state, writes, locks, gid, owner, database);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
        finished = true;
        openCursors.clear();
        releaseFiles();
        store.finished(state, false);
    }

    @Override
    public void commit() {
        checkActive();
        finished = true;
        if (writes.isEmpty()) {
            state.outcome = store.clock().current();
            end(false);
            return;
        }
        releaseFiles();
        store.throttle();
        long commitTimestamp;
        try {
            commitTimestamp = store.committer().commit(state, writes, synchronousCommit);
        } catch (RuntimeException e) {
            writes.undoSince(0);
            end(false);
            throw e;
        }
        writes.stamp(commitTimestamp, store.horizon());
        end(true);
    }

    @Override
    public void rollback() {
        if (finished) {
            return;
        }
        finished = true;
        state.outcome = TransactionState.ABORTED;
        writes.undoSince(0);
        end(false);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    void checkActive() {
        if (finished) {
            throw new ShaleException(ErrorCode.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
        }
    }

    /** An open cursor keeps its snapshot's versions from pruning until it is closed. */
    void cursorClosed(StoreKeyCursor cursor) {
        openCursors.remove(cursor);
    }

    private long oldestCursorSnapshot() {
        long oldest = Long.MAX_VALUE;
        for (int i = 0, n = openCursors.size(); i < n; i++) {
            oldest = Math.min(oldest, openCursors.get(i).snapshot());
        }
        return oldest;
    }

    private void checkWritable() {
        checkActive();
        if (readOnly) {
            throw new ShaleException(ErrorCode.READ_ONLY_SQL_TRANSACTION,
                    "cannot execute a write in a read-only transaction");
        }
    }

    /**
     * The transaction's own newest write of the key, else its newest committed version (from a
     * sorted file when the memtable has none); null when there is none.
     */
    private Version newest(byte[] key) {
        VersionChain chain = versions.chain(key);
        Version newest = chain == null ? null : chain.newest(state);
        if (newest != null) {
            return newest;
        }
        FileSet files = files();
        Entry entry = files == null ? null : files.newest(key, Long.MAX_VALUE);
        return entry == null ? null : Version.committed(entry.value(), entry.timestamp());
    }

    /** REPEATABLE READ's rule (see {@link SerializationCheck}). */
    private void checkConcurrentUpdate(byte[] key, Version newest) {
        if (repeatableRead && SerializationCheck.changedSinceSnapshot(newest, state, snapshot)) {
            SerializationCheck.fail(newest, get(key) != null);
        }
    }

    /** The file generation this transaction reads, acquired on first use; null without files. */
    private FileSet files() {
        if (heldFiles == null) {
            heldFiles = store.acquireFiles();
        }
        return heldFiles;
    }

    private void releaseFiles() {
        if (heldFiles != null) {
            heldFiles.release();
            heldFiles = null;
        }
    }

    private int savepointIndex(int handle) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).handle == handle) {
                return i;
            }
        }
        throw new ShaleException(ErrorCode.INVALID_TRANSACTION_STATE, "savepoint " + handle + " does not exist");
    }

    private void end(boolean wrote) {
        openCursors.clear();
        releaseFiles();
        locks.releaseAll();
        store.finished(state, wrote);
    }
}
