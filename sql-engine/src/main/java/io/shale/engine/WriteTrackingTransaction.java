package io.shale.engine;

import io.shale.storage.KeyCursor;
import io.shale.storage.LockStrength;
import io.shale.storage.Transaction;
import io.shale.storage.WaitPolicy;

/**
 * A session's store transaction that remembers whether it wrote anything, so that a distributed commit knows whether
 * this node is a writing participant (two writers need two-phase commit, one a plain commit).
 */
final class WriteTrackingTransaction implements Transaction {
    private final Transaction delegate;
    private boolean wrote;

    WriteTrackingTransaction(Transaction delegate) {
        this.delegate = delegate;
    }

    /** Whether a put, insert or delete ran (also one rolled back to a savepoint since). */
    boolean wrote() {
        return wrote;
    }

    @Override
    public long id() {
        return delegate.id();
    }

    @Override
    public void newSnapshot() {
        delegate.newSnapshot();
    }

    @Override
    public byte[] get(byte[] key) {
        return delegate.get(key);
    }

    @Override
    public KeyCursor scan(byte[] fromInclusive, byte[] toExclusive, boolean descending) {
        return delegate.scan(fromInclusive, toExclusive, descending);
    }

    @Override
    public byte[] lock(byte[] key, LockStrength strength, WaitPolicy waitPolicy) {
        return delegate.lock(key, strength, waitPolicy);
    }

    @Override
    public void put(byte[] key, byte[] value) {
        wrote = true;
        delegate.put(key, value);
    }

    @Override
    public boolean insert(byte[] key, byte[] value) {
        wrote = true;
        return delegate.insert(key, value);
    }

    @Override
    public void delete(byte[] key) {
        wrote = true;
        delegate.delete(key);
    }

    @Override
    public int savepoint() {
        return delegate.savepoint();
    }

    @Override
    public void rollbackTo(int savepoint) {
        delegate.rollbackTo(savepoint);
    }

    @Override
    public void release(int savepoint) {
        delegate.release(savepoint);
    }

    @Override
    public void prepare(String gid, String owner, String database) {
        delegate.prepare(gid, owner, database);
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public void rollback() {
        delegate.rollback();
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }
}
