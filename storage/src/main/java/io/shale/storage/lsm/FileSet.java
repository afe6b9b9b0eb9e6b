package io.shale.storage.lsm;

import io.shale.storage.sstable.Entry;
import io.shale.storage.sstable.EntryIterator;
import io.shale.storage.sstable.MergingIterator;
import io.shale.storage.sstable.SortedFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One immutable generation of a store's sorted files, newest first (for any key, a newer file
 * holds only newer versions than an older one), with the dropped ranges that hide some of their
 * entries. Readers acquire a generation and release it when done; a replaced generation is
 * reclaimed (its unshared files closed and deleted) once no reader holds it, and only then may
 * the memtable drop the versions that the newer generation's files took over.
 */
final class FileSet {
    private static final int RECLAIMED = -1;

    final long generation;
    final List<SortedFile> files;
    final List<DroppedRange> dropped;
    private final AtomicInteger readers = new AtomicInteger();

    FileSet(long generation, List<SortedFile> files, List<DroppedRange> dropped) {
        this.generation = generation;
        this.files = List.copyOf(files);
        this.dropped = List.copyOf(dropped);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** Registers a reader; false when the generation was reclaimed already. */
    boolean tryAcquire() {
        while (true) {
            int count = readers.get();
            if (count == RECLAIMED) {
                return false;
            }
            if (readers.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    void release() {
        readers.decrementAndGet();
    }

    /** Marks a replaced generation reclaimed if no reader holds it. */
    boolean tryReclaim() {
        return readers.get() == RECLAIMED || readers.compareAndSet(0, RECLAIMED);
    }

    /**
     * The newest entry of the key committed at or before {@code snapshot}, or null (none, a
     * deletion, or dropped): newest file first, the first hit decides.
     */
    byte[] get(byte[] key, long snapshot) {
        Entry entry = newest(key, snapshot);
        return entry == null ? null : entry.value();
    }

    /** As {@link #get}, but the entry itself (a tombstone has a null value); null when none. */
    Entry newest(byte[] key, long snapshot) {
        for (int i = 0, n = files.size(); i < n; i++) {
            SortedFile file = files.get(i);
            Entry entry = file.get(key, snapshot);
            if (entry != null) {
                return hidden(key, entry.timestamp()) ? null : entry;
            }
        }
        return null;
    }

    boolean hidden(byte[] key, long timestamp) {
        for (int i = 0, n = dropped.size(); i < n; i++) {
            if (dropped.get(i).hides(key, timestamp)) {
                return true;
            }
        }
        return false;
    }

    /** Every version of the range from every file, merged in (key, timestamp descending) order. */
    EntryIterator iterator(byte[] fromInclusive, byte[] toExclusive, boolean descending) {
        List<EntryIterator> inputs = new ArrayList<>(files.size());
        for (SortedFile file : files) {
            if (overlaps(file, fromInclusive, toExclusive)) {
                inputs.add(file.iterator(fromInclusive, toExclusive, descending));
            }
        }
        return inputs.size() == 1 ? inputs.getFirst() : new MergingIterator(inputs, descending);
    }

    /** Bytes of the range in the files, less what dropped ranges cover entirely. */
    long size(byte[] fromInclusive, byte[] toExclusive) {
        long total = 0;
        for (SortedFile file : files) {
            if (!droppedEntirely(file, fromInclusive, toExclusive)) {
                total += file.sizeOf(fromInclusive, toExclusive);
            }
        }
        return total;
    }

    long totalBytes() {
        long total = 0;
        for (SortedFile file : files) {
            total += file.info().size();
        }
        return total;
    }

    private boolean droppedEntirely(SortedFile file, byte[] from, byte[] to) {
        for (DroppedRange range : dropped) {
            if (range.timestamp() >= file.info().maxTimestamp() && range.covers(from, to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(SortedFile file, byte[] from, byte[] to) {
        if (file.info().entryCount() == 0) {
            return false;
        }
        return (to == null || Arrays.compareUnsigned(file.info().smallestKey(), to) < 0)
                && (from == null || Arrays.compareUnsigned(file.info().largestKey(), from) >= 0);
    }
}
