package io.shale.storage.sstable;

import io.shale.storage.file.StorageFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The merge step of compaction: reads sorted files and writes their entries again, without the
 * versions no snapshot at or after {@code horizon} can see and without destroyed ranges.
 */
public final class Compaction {

    private Compaction() {
    }

    /**
     * Merges {@code inputs} (newest first: of equal (key, timestamp) entries the first input's
     * is kept) into new files of about {@code targetFileSize} bytes, split only between keys.
     * Per key it keeps every version with a timestamp after {@code horizon} and the newest version
     * at or before it — unless that one is a tombstone and {@code bottom} (nothing older lies
     * below the inputs). Keys inside {@code dropped} are left out. Each output file is finished,
     * synced and closed; the result lists them in key order (none when nothing is left).
     */
    public static List<SortedFileInfo> merge(List<SortedFile> inputs, long horizon, boolean bottom, RangeSet dropped,
                                             OutputFiles out, long targetFileSize) {
        List<EntryIterator> iterators = new ArrayList<>(inputs.size());
        for (SortedFile input : inputs) {
            iterators.add(input.iterator(null, null, false, false));
        }
        MergingIterator merged = new MergingIterator(iterators, false);
        List<SortedFileInfo> results = new ArrayList<>();
        StorageFile file = null;
        SortedFileWriter writer = null;
        byte[] key = null;
        long lastTimestamp = 0;
        boolean keyDropped = false;
        boolean atOrBelowHorizonSeen = false;
        try {
            while (merged.next()) {
                byte[] entryKey = merged.key();
                long timestamp = merged.timestamp();
                boolean newKey = key == null || !Arrays.equals(key, entryKey);
                if (!newKey && timestamp == lastTimestamp) {
                    continue;
                }
                if (newKey) {
                    key = entryKey;
                    keyDropped = !dropped.isEmpty() && dropped.contains(entryKey);
                    atOrBelowHorizonSeen = false;
                    if (writer != null && writer.estimatedSize() >= targetFileSize) {
                        results.add(close(writer, file));
                        writer = null;
                        file = null;
                    }
                }
                lastTimestamp = timestamp;
                if (keyDropped) {
                    continue;
                }
                if (timestamp <= horizon) {
                    if (atOrBelowHorizonSeen) {
                        continue;
                    }
                    atOrBelowHorizonSeen = true;
                    if (bottom && merged.value() == null) {
                        continue;
                    }
                }
                if (writer == null) {
                    file = out.create();
                    writer = new SortedFileWriter(file, out.options());
                }
                writer.add(entryKey, timestamp, merged.value());
            }
            if (writer != null) {
                results.add(close(writer, file));
                file = null;
            }
        } finally {
            if (file != null) {
                file.close();
            }
        }
        return results;
    }

    private static SortedFileInfo close(SortedFileWriter writer, StorageFile file) {
        SortedFileInfo info = writer.finish();
        file.close();
        return info;
    }
}
