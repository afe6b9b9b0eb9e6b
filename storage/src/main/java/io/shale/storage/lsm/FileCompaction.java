package io.shale.storage.lsm;

import io.shale.storage.file.StorageFile;
import io.shale.storage.sstable.Compaction;
import io.shale.storage.sstable.EntryIterator;
import io.shale.storage.sstable.OutputFiles;
import io.shale.storage.sstable.RangeSet;
import io.shale.storage.sstable.SortedFile;
import io.shale.storage.sstable.SortedFileInfo;
import io.shale.storage.sstable.SortedFileOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Background compaction: when the store has more than {@link #MAX_FILES} sorted files, merges
 * the newest run of them (size-tiered); when VACUUM or a range drop asks, merges them all. Keeps
 * per key the versions above the horizon (the oldest running snapshot or open store snapshot) and
 * the newest at or below it, without deletions at the bottom and without destroyed ranges whose
 * entries all predate the drop. Runs on the worker thread.
 */
final class FileCompaction implements OutputFiles {
    static final int MAX_FILES = 10;
    private static final long TARGET_FILE_SIZE = 64L << 20;

    private final LsmKeyValueStore store;
    private final DiskTier tier;

    FileCompaction(LsmKeyValueStore store, DiskTier tier) {
        this.store = store;
        this.tier = tier;
    }

    boolean due() {
        return tier.current().files.size() > MAX_FILES;
    }

    /**
     * Merges files of the current generation: all of them when {@code force} (VACUUM and range
     * drops ask for the space back; even a single file is rewritten), else the newest run of
     * files chosen by {@link #run(List)}. Returns whether anything changed.
     */
    boolean run(boolean force) {
        FileSet current = tier.current();
        List<SortedFile> files = current.files;
        if (files.isEmpty() || files.size() == 1 && !force) {
            return false;
        }
        List<SortedFile> run = force ? files : run(files);
        boolean bottom = run.size() == files.size();
        FileSet inputs = new FileSet(0, run, List.of());
        store.refreshHorizon();
        long horizon = store.horizon();
        RangeSet applied = RangeSet.empty();
        List<DroppedRange> finished = new ArrayList<>();
        for (DroppedRange range : current.dropped) {
            if (onlyOlderEntries(inputs, range)) {
                applied = applied.with(range.fromInclusive(), range.toExclusive());
                if (bottom) {
                    finished.add(range);
                }
            }
        }
        List<SortedFileInfo> outputs = Compaction.merge(run, horizon, bottom, applied, this, TARGET_FILE_SIZE);
        tier.syncCreations();
        List<SortedFile> merged = new ArrayList<>(outputs.size());
        for (SortedFileInfo output : outputs) {
            merged.add(SortedFile.open(tier.storage.open(output.name()), tier.cache));
        }
        synchronized (tier.installLock()) {
            FileSet now = tier.current();
            List<SortedFile> next = new ArrayList<>(now.files.size());
            boolean placed = false;
            for (SortedFile file : now.files) {
                if (!run.contains(file)) {
                    next.add(file);
                } else if (!placed) {
                    next.addAll(merged);
                    placed = true;
                }
            }
            List<DroppedRange> dropped = new ArrayList<>(now.dropped);
            dropped.removeAll(finished);
            tier.installLocked(next, dropped);
        }
        tier.rewriteManifest(store.prepared().oldestLsn());
        tier.reclaim();
        return true;
    }

    /**
     * Size-tiered choice of a run (files are newest first, and a run must be contiguous so that
     * newer files keep holding only newer versions): the newest files, extended to the next older
     * one while that is at most four times their total size; all files when that leaves fewer
     * than two.
     */
    static List<SortedFile> run(List<SortedFile> files) {
        long total = files.getFirst().info().size();
        int count = 1;
        while (count < files.size() && files.get(count).info().size() <= 4 * total) {
            total += files.get(count).info().size();
            count++;
        }
        return count < 2 ? files : files.subList(0, count);
    }

    /** Whether every entry of the range in the files is one the drop hides. */
    private static boolean onlyOlderEntries(FileSet files, DroppedRange range) {
        EntryIterator entries = files.iterator(range.fromInclusive(), range.toExclusive(), false);
        while (entries.next()) {
            if (entries.timestamp() > range.timestamp()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public StorageFile create() {
        return tier.createFile();
    }

    @Override
    public SortedFileOptions options() {
        return tier.options;
    }
}
