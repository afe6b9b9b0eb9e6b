package io.shale.storage.lsm;

import io.shale.storage.ChangeCursor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The committed changes of a key range in a timestamp interval ({@link ChangeFeed}), put in commit
 * order: timestamp, then key; a (key, timestamp) gathered twice is reported once.
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
