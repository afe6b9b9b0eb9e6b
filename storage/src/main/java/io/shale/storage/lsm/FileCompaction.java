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
 * Background compaction: when the store has more than {@link #MAX_FILES} sorted files (or VACUUM
 * or a range drop asks), merges them all into new ones, keeping per key the versions above the
 * horizon (the oldest running snapshot or open store snapshot) and the newest at or below it,
 * without deletions at the bottom and without destroyed ranges. Runs on the worker thread.
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
     * Merges every file of the current generation (even a single one when {@code force}: VACUUM
     * and range drops ask for the space back); returns whether anything changed.
     */
    boolean run(boolean force) {
        FileSet inputs = tier.current();
        if (inputs.files.isEmpty() || inputs.files.size() == 1 && !force) {
            return false;
        }
        store.refreshHorizon();
        long horizon = store.horizon();
        RangeSet applied = RangeSet.empty();
        List<DroppedRange> appliedRanges = new ArrayList<>();
        for (DroppedRange range : inputs.dropped) {
            if (onlyOlderEntries(inputs, range)) {
                applied = applied.with(range.fromInclusive(), range.toExclusive());
                appliedRanges.add(range);
            }
        }
        List<SortedFileInfo> outputs = Compaction.merge(inputs.files, horizon, true, applied, this, TARGET_FILE_SIZE);
        tier.syncCreations();
        List<SortedFile> merged = new ArrayList<>(outputs.size());
        for (SortedFileInfo output : outputs) {
            merged.add(SortedFile.open(tier.storage.open(output.name()), tier.cache));
        }
        synchronized (tier.installLock()) {
            FileSet now = tier.current();
            List<SortedFile> files = new ArrayList<>();
            for (SortedFile file : now.files) {
                if (!inputs.files.contains(file)) {
                    files.add(file);
                }
            }
            files.addAll(merged);
            List<DroppedRange> dropped = new ArrayList<>(now.dropped);
            dropped.removeAll(appliedRanges);
            tier.installLocked(files, dropped);
        }
        tier.checkpoint(tier.checkpointLsn(), Math.min(tier.checkpointLsn(), store.prepared().oldestLsn()));
        tier.reclaim();
        return true;
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
