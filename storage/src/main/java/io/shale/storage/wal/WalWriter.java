package io.shale.storage.wal;

import io.shale.storage.file.StorageFile;
import io.shale.storage.file.StorageFiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes batches into segment files and syncs them: the part of the log that does I/O. Used
 * only by the holder of the log's write lock, so not thread-safe itself.
 */
final class WalWriter {

    private final StorageFiles files;
    private final boolean fsync;
    /** Earlier segments written to since the last sync: synced, then closed, by the next sync. */
    private final List<StorageFile> unsyncedSegments = new ArrayList<>();
    private StorageFile segment;
    private long segmentStart;
    private boolean segmentDirty;
    private boolean directoryDirty;

    /** {@code segment} is the open tail segment starting at {@code segmentStart}, or null. */
    WalWriter(StorageFiles files, boolean fsync, StorageFile segment, long segmentStart) {
        this.files = files;
        this.fsync = fsync;
        this.segment = segment;
        this.segmentStart = segmentStart;
    }

    /** Start LSN of the segment being written, or -1 before the first one is created. */
    long currentSegmentStart() {
        return segment == null ? -1 : segmentStart;
    }

    void write(WalBatch batch) {
        long from = batch.startLsn();
        for (int i = 0; i < batch.segmentStartCount(); i++) {
            long boundary = batch.segmentStart(i);
            if (boundary > from) {
                writeRange(batch, from, boundary);
            }
            switchSegment(boundary);
            from = boundary;
        }
        if (batch.endLsn() > from) {
            writeRange(batch, from, batch.endLsn());
        }
    }

    /** Makes everything written durable: the segments' data, then new segments' names. */
    void sync() {
        for (int i = 0; i < unsyncedSegments.size(); i++) {
            StorageFile old = unsyncedSegments.get(i);
            old.sync();
            old.close();
        }
        unsyncedSegments.clear();
        if (segmentDirty) {
            segment.sync();
            segmentDirty = false;
        }
        if (directoryDirty) {
            files.syncDirectory();
            directoryDirty = false;
        }
    }

    void close() {
        for (int i = 0; i < unsyncedSegments.size(); i++) {
            unsyncedSegments.get(i).close();
        }
        unsyncedSegments.clear();
        if (segment != null) {
            segment.close();
            segment = null;
        }
    }

    private void writeRange(WalBatch batch, long from, long to) {
        segment.write(from - segmentStart, batch.slice(from, to));
        segmentDirty = true;
    }

    private void switchSegment(long start) {
        if (segment != null) {
            if (fsync && segmentDirty) {
                unsyncedSegments.add(segment);
            } else {
                segment.close();
            }
        }
        segment = files.create(WalSegments.fileName(start));
        segmentStart = start;
        segmentDirty = false;
        directoryDirty = fsync;
    }
}
