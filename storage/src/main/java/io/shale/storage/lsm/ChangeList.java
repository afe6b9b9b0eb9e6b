package io.shale.storage.lsm;

import io.shale.storage.ChangeCursor;
import io.shale.storage.sstable.EntryIterator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The committed changes of a key range in a timestamp interval, gathered from the version
 * chains (and sorted files) and put in commit order: timestamp, then key. A version read twice
 * (from a chain and from the file it was just flushed to) is reported once.
 */
final class ChangeList implements ChangeCursor {
    /** One committed version. */
    record Change(long timestamp, byte[] key, byte[] value) {
    }

    private final List<Change> changes;
    private int position = -1;

    private ChangeList(List<Change> changes) {
        this.changes = changes;
    }

    /** Sorts the gathered changes and drops repeats of one (key, timestamp). */
    static ChangeList of(List<Change> gathered) {
        gathered.sort((a, b) -> a.timestamp != b.timestamp ? Long.compare(a.timestamp, b.timestamp)
                : Arrays.compareUnsigned(a.key, b.key));
        List<Change> unique = new ArrayList<>(gathered.size());
        Change previous = null;
        for (Change change : gathered) {
            if (previous == null || previous.timestamp != change.timestamp || !Arrays.equals(previous.key, change.key)) {
                unique.add(change);
            }
            previous = change;
        }
        return new ChangeList(unique);
    }

    /** Adds the versions of a chain committed in {@code (after, until]}. */
    static void gather(VersionChain chain, long after, long until, List<Change> out) {
        for (Version v = chain.head; v != null; v = v.next) {
            long ts = v.committedTimestamp();
            if (ts == 0) {
                continue;
            }
            if (ts <= after) {
                return;
            }
            if (ts <= until) {
                out.add(new Change(ts, chain.key, v.value));
            }
        }
    }

    /** Adds the file entries of the range committed in {@code (after, until]} (not dropped). */
    static void gather(FileSet files, byte[] from, byte[] to, long after, long until, List<Change> out) {
        EntryIterator entries = files.iteratorAfter(from, to, after);
        while (entries.next()) {
            long ts = entries.timestamp();
            if (ts > after && ts <= until && !files.hidden(entries.key(), ts)) {
                out.add(new Change(ts, entries.key(), entries.value()));
            }
        }
    }

    @Override
    public boolean next() {
        if (position < changes.size()) {
            position++;
        }
        return position < changes.size();
    }

    @Override
    public byte[] key() {
        return changes.get(position).key;
    }

    @Override
    public byte[] value() {
        return changes.get(position).value;
    }

    @Override
    public long commitTimestamp() {
        return changes.get(position).timestamp;
    }

    @Override
    public void close() {
        position = changes.size();
    }
}
