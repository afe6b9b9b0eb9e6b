package io.shale.storage;

import java.util.List;
import java.util.Objects;

/**
 * A {@link KeyValueStore} that passes every call to another one. Subclasses override the calls
 * they add to: a facade that fixes a store's configuration, or a test store that records what
 * the engine asks of it.
 */
public abstract class ForwardingKeyValueStore implements KeyValueStore {
    private final KeyValueStore delegate;

    protected ForwardingKeyValueStore(KeyValueStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Transaction begin(TransactionOptions options) {
        return delegate.begin(options);
    }

    @Override
    public void destroyRange(byte[] fromInclusive, byte[] toExclusive) {
        delegate.destroyRange(fromInclusive, toExclusive);
    }

    @Override
    public BulkLoad bulkLoad(byte[] fromInclusive, byte[] toExclusive) {
        return delegate.bulkLoad(fromInclusive, toExclusive);
    }

    @Override
    public long approximateSize(byte[] fromInclusive, byte[] toExclusive) {
        return delegate.approximateSize(fromInclusive, toExclusive);
    }

    @Override
    public void commitPrepared(String gid) {
        delegate.commitPrepared(gid);
    }

    @Override
    public void rollbackPrepared(String gid) {
        delegate.rollbackPrepared(gid);
    }

    @Override
    public List<PreparedTransaction> preparedTransactions() {
        return delegate.preparedTransactions();
    }

    @Override
    public StoreSnapshot openSnapshot() {
        return delegate.openSnapshot();
    }

    @Override
    public long stableTimestamp() {
        return delegate.stableTimestamp();
    }

    @Override
    public long logPosition() {
        return delegate.logPosition();
    }

    @Override
    public void vacuum() {
        delegate.vacuum();
    }

    @Override
    public StoreStatistics statistics() {
        return delegate.statistics();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
