package io.shale.storage.lsm;

import io.shale.storage.BulkLoad;
import io.shale.storage.file.StorageFile;
import io.shale.storage.sstable.SortedFile;
import io.shale.storage.sstable.SortedFileInfo;
import io.shale.storage.sstable.SortedFileWriter;

import java.util.Arrays;

/**
 * The {@link BulkLoad} of a durable store: the keys go straight into a new sorted file, one version each, stamped with
 * a timestamp taken when the load opens, and nothing is logged. {@link #finish()} syncs the file and adds it to the
 * store's files with a new manifest ({@link StoreMaintenance#ingest}); until then no generation names it, so a crash
 * deletes it at the next open, and {@link #close()} deletes it at once.
 */
final class FileBulkLoad implements BulkLoad {
    /**
     * The file is synced each time it grew by this much: the disk writes it back as it goes, so the sync at
     * {@link #finish()} is short and does not hold up the commits of other transactions behind a large writeback.
     */
    private static final long SYNC_BYTES = 4L << 20;

    private final StoreMaintenance maintenance;
    private final DiskTier tier;
    private final byte[] from;
    private final byte[] to;
    private final long timestamp;
    private final StorageFile file;
    private final SortedFileWriter writer;
    private boolean ended;
    /** The file's size at its last sync. */
    private long synced;

    FileBulkLoad(StoreMaintenance maintenance, DiskTier tier, long timestamp, byte[] fromInclusive,
                 byte[] toExclusive) {
        this.maintenance = maintenance;
        this.tier = tier;
        this.from = fromInclusive.clone();
        this.to = toExclusive.clone();
        this.timestamp = timestamp;
        this.file = tier.createFile();
        this.writer = new SortedFileWriter(file, tier.options);
    }

    @Override
    public void add(byte[] key, byte[] value) {
        if (ended) {
            throw new IllegalStateException("the bulk load has ended");
        }
        if (Arrays.compareUnsigned(key, from) < 0 || Arrays.compareUnsigned(key, to) >= 0) {
            throw new IllegalArgumentException("a bulk-loaded key lies outside the load's range");
        }
        writer.add(key, timestamp, value);
        if (tier.fsync && writer.estimatedSize() - synced >= SYNC_BYTES) {
            file.sync();
            synced = writer.estimatedSize();
        }
    }

    @Override
    public void finish() {
        if (ended) {
            throw new IllegalStateException("the bulk load has ended");
        }
        ended = true;
        String name = file.name();
        SortedFileInfo info;
        try {
            info = writer.finish();
        } catch (RuntimeException e) {
            file.close();
            discard();
            throw e;
        }
        file.close();
        if (info.entryCount() == 0) {
            tier.storage.delete(name);
            return;
        }
        SortedFile loaded;
        try {
            tier.syncCreations();
            loaded = SortedFile.open(tier.storage.open(name), tier.cache);
        } catch (RuntimeException e) {
            tier.storage.delete(name);
            throw e;
        }
        maintenance.ingest(loaded, from, to);
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            file.close();
            discard();
        }
    }

    private void discard() {
        tier.storage.delete(file.name());
    }
}
