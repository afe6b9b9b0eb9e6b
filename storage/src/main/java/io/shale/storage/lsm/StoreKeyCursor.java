package io.shale.storage.lsm;

import io.shale.storage.KeyCursor;
import io.shale.storage.sstable.EntryIterator;

import java.util.Arrays;
import java.util.Iterator;

/**
 * A scan in key order over the memtable's chains merged with the sorted files' entries, each key
 * resolved to the version its reader sees: the chain's visible version when it has one, else the
 * newest file entry at or before the snapshot (files hold only versions older than the chain's).
 * Keeps the snapshot and the own-write position of the moment it was opened (a statement's view,
 * as PostgreSQL's command ids give), so writes made while it runs do not feed back into it. The
 * chain iterator is weakly consistent; the file generation is held by the reader, so the chains
 * keep every version its files lack until the generation is released.
 */
final class StoreKeyCursor implements KeyCursor {
    private final StoreTransaction transaction;
    private final TransactionState reader;
    private final Iterator<VersionChain> chains;
    /** The files of the range, or null; and the generation they come from. */
    private final EntryIterator entries;
    private final FileSet files;
    private final boolean releaseFiles;
    private final boolean descending;
    private final long snapshot;
    private final long ownSequenceLimit;
    private VersionChain chain;
    private boolean entryLoaded;
    private boolean entriesDone;
    private byte[] key;
    private byte[] value;
    private boolean closed;

    /**
     * @param files the generation to merge (null: none); released at close when
     *     {@code releaseFiles} (a store snapshot's own), else the transaction releases it
     */
    StoreKeyCursor(StoreTransaction transaction, TransactionState reader, Iterator<VersionChain> chains,
                   FileSet files, boolean releaseFiles, byte[] from, byte[] to, boolean descending,
                   long snapshot, long ownSequenceLimit) {
        this.transaction = transaction;
        this.reader = reader;
        this.chains = chains;
        this.files = files;
        this.releaseFiles = releaseFiles;
        this.entries = files == null || files.isEmpty() ? null : files.iterator(from, to, descending);
        this.entriesDone = entries == null;
        this.descending = descending;
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
        while (true) {
            if (chain == null && chains.hasNext()) {
                chain = chains.next();
            }
            if (!entryLoaded && !entriesDone) {
                entryLoaded = entries.next();
                entriesDone = !entryLoaded;
            }
            if (chain == null && !entryLoaded) {
                key = null;
                value = null;
                return false;
            }
            int order = chain == null ? 1 : !entryLoaded ? -1 : compare(chain.key, entries.key());
            if (order <= 0) {
                VersionChain current = chain;
                chain = null;
                Version version = current.visible(reader, snapshot, ownSequenceLimit);
                if (version != null) {
                    if (order == 0) {
                        skipEntriesOf(current.key);
                    }
                    if (version.value != null) {
                        key = current.key;
                        value = version.value;
                        return true;
                    }
                    continue;
                }
                if (order < 0) {
                    continue;
                }
            }
            if (resolveEntry()) {
                return true;
            }
        }
    }

    /** Reads the current file key's entries; true when its version at the snapshot is live. */
    private boolean resolveEntry() {
        byte[] entryKey = entries.key();
        byte[] found = null;
        long foundTimestamp = 0;
        boolean decided = false;
        while (true) {
            if (!decided && entries.timestamp() <= snapshot) {
                decided = true;
                found = entries.value();
                foundTimestamp = entries.timestamp();
            }
            entryLoaded = entries.next();
            if (!entryLoaded) {
                entriesDone = true;
                break;
            }
            if (!Arrays.equals(entries.key(), entryKey)) {
                break;
            }
        }
        if (found == null || files.hidden(entryKey, foundTimestamp)) {
            return false;
        }
        key = entryKey;
        value = found;
        return true;
    }

    private void skipEntriesOf(byte[] chainKey) {
        while (entryLoaded && Arrays.equals(entries.key(), chainKey)) {
            entryLoaded = entries.next();
            entriesDone = !entryLoaded;
        }
    }

    private int compare(byte[] a, byte[] b) {
        int order = Arrays.compareUnsigned(a, b);
        return descending ? -order : order;
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
        if (!closed) {
            if (transaction != null) {
                transaction.cursorClosed(this);
            }
            if (releaseFiles && files != null) {
                files.release();
            }
        }
        closed = true;
        key = null;
        value = null;
    }
}
