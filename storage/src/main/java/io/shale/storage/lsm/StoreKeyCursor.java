package io.shale.storage.lsm;

import io.shale.storage.KeyCursor;

import java.util.Iterator;

/**
 * A scan over the store's chains in key order, each resolved to the version its transaction
 * sees (a transaction's, or a store snapshot's when there is no transaction). Keeps the snapshot and the own-write position of the moment it was opened (a statement's
 * view, as PostgreSQL's command ids give), so writes made while it runs do not feed back into it.
 * The chain iterator is weakly consistent: concurrent inserts and removals do not disturb it.
 */
final class StoreKeyCursor implements KeyCursor {
    private final StoreTransaction transaction;
    private final TransactionState reader;
    private final Iterator<VersionChain> chains;
    private final long snapshot;
    private final long ownSequenceLimit;
    private byte[] key;
    private byte[] value;
    private boolean closed;

    StoreKeyCursor(StoreTransaction transaction, TransactionState reader, Iterator<VersionChain> chains,
                    long snapshot, long ownSequenceLimit) {
        this.transaction = transaction;
        this.reader = reader;
        this.chains = chains;
        this.snapshot = snapshot;
        this.ownSequenceLimit = ownSequenceLimit;
    }

    @Override
    public boolean next() {
        if (closed) {
            return false;
        }
        if (transaction != null) {
            transaction.checkActive();
        }
        while (chains.hasNext()) {
            VersionChain chain = chains.next();
            Version version = chain.visible(reader, snapshot, ownSequenceLimit);
            if (version != null && version.value != null) {
                key = chain.key;
                value = version.value;
                return true;
            }
        }
        key = null;
        value = null;
        return false;
    }

    @Override
    public byte[] key() {
        return key;
    }

    @Override
    public byte[] value() {
        return value;
    }

    long snapshot() {
        return snapshot;
    }

    @Override
    public void close() {
        if (!closed && transaction != null) {
            transaction.cursorClosed(this);
        }
        closed = true;
        key = null;
        value = null;
    }
}
