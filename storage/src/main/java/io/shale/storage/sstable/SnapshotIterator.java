package io.shale.storage.sstable;

import java.util.Arrays;

/**
 * Reads an entry stream in file order (a sorted file's iterator or a {@link MergingIterator},
 * either direction) as of a snapshot: for each key, only its newest version at or before
 * {@code snapshotTs}; keys whose visible version is a tombstone are skipped unless
 * {@code keepTombstones} (a caller merging this with newer data needs them to hide older
 * rows). Not thread-safe.
 */
public final class SnapshotIterator implements EntryIterator {
    private final EntryIterator source;
    private final long snapshotTs;
    private final boolean keepTombstones;
    private byte[] decidedKey;

    public SnapshotIterator(EntryIterator source, long snapshotTs, boolean keepTombstones) {
        this.source = source;
        this.snapshotTs = snapshotTs;
        this.keepTombstones = keepTombstones;
    }

    @Override
    public boolean next() {
        while (source.next()) {
            byte[] key = source.key();
            if (key == decidedKey || (decidedKey != null && Arrays.equals(key, decidedKey))) {
                continue;
            }
            if (source.timestamp() > snapshotTs) {
                continue;
            }
            decidedKey = key;
            if (keepTombstones || source.value() != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public byte[] key() {
        return source.key();
    }

    @Override
    public long timestamp() {
        return source.timestamp();
    }

    @Override
    public byte[] value() {
        return source.value();
    }
}
