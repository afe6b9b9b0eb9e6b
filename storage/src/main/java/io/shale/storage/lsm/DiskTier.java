package io.shale.storage.lsm;

import io.shale.storage.file.StorageFile;
import io.shale.storage.file.StorageFiles;
import io.shale.storage.sstable.BlockCache;
import io.shale.storage.sstable.SortedFile;
import io.shale.storage.sstable.SortedFileOptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sorted files of a durable store: the current {@link FileSet} generation that readers
 * acquire, the generations replaced but maybe still read, the manifest, and file naming. New
 * generations are installed under one lock (flush, compaction, destroyRange); replaced ones are
 * reclaimed, and their files no longer used closed and deleted, once no reader holds them.
 * Maintenance ({@link MemtableFlush}, {@link FileCompaction}) runs on the store's worker thread.
 */
final class DiskTier implements AutoCloseable {
    private static final String SUFFIX = ".sst";

    final StorageFiles storage;
    final BlockCache cache;
    final SortedFileOptions options;
    final boolean fsync;
    private final Object install = new Object();
    private final List<FileSet> retired = new ArrayList<>();
    private volatile FileSet current;
    private long nextFileNumber;
    /** Every version committed at or before it is in the files (or was not needed). */
    private volatile long flushTimestamp;
    private volatile long checkpointLsn;

    private DiskTier(StorageFiles storage, BlockCache cache, boolean fsync, Manifest manifest, FileSet files) {
        this.storage = storage;
        this.cache = cache;
        this.options = SortedFileOptions.defaults().withSync(fsync);
        this.fsync = fsync;
        this.current = files;
        this.nextFileNumber = manifest.nextFileNumber();
        this.flushTimestamp = manifest.flushTimestamp();
        this.checkpointLsn = manifest.checkpointLsn();
    }

    /**
     * Opens the files the manifest lists and deletes leftovers of an interrupted flush or
     * compaction (sorted files the manifest does not list).
     */
    static DiskTier open(StorageFiles storage, long cacheBytes, boolean fsync, Manifest manifest) {
        BlockCache cache = new BlockCache(cacheBytes);
        Set<String> listed = new HashSet<>(manifest.files());
        for (String name : storage.list()) {
            if (name.endsWith(SUFFIX) && !listed.contains(name)) {
                storage.delete(name);
            }
        }
        List<SortedFile> files = new ArrayList<>(manifest.files().size());
        try {
            for (String name : manifest.files()) {
                files.add(SortedFile.open(storage.open(name), cache));
            }
        } catch (RuntimeException e) {
            for (SortedFile file : files) {
                file.close();
            }
            throw e;
        }
        return new DiskTier(storage, cache, fsync, manifest, new FileSet(1, files, manifest.dropped()));
    }

    /** The current generation, registered as read until {@link FileSet#release()}. */
    FileSet acquire() {
        while (true) {
            FileSet files = current;
            if (files.tryAcquire()) {
                if (files == current) {
                    return files;
                }
                files.release();
            }
        }
    }

    /** The current generation without registering (for sizes: metadata only). */
    FileSet current() {
        return current;
    }

    long flushTimestamp() {
        return flushTimestamp;
    }

    long checkpointLsn() {
        return checkpointLsn;
    }

    /** A new, empty sorted file with the next number. */
    StorageFile createFile() {
        synchronized (install) {
            return storage.create(String.format(Locale.ROOT, "%016x%s", nextFileNumber++, SUFFIX));
        }
    }

    /** The lock under which generations change (destroyRange also logs under it). */
    Object installLock() {
        return install;
    }

    /** Makes the creation of new files durable before a manifest may name them. */
    void syncCreations() {
        if (fsync) {
            storage.syncDirectory();
        }
    }

    /** Installs a new generation (caller holds the install lock); returns it. */
    FileSet installLocked(List<SortedFile> files, List<DroppedRange> dropped) {
        FileSet previous = current;
        FileSet next = new FileSet(previous.generation + 1, files, dropped);
        current = next;
        retired.add(previous);
        return next;
    }

    /** Adds a dropped range to the current generation (caller holds the install lock). */
    void dropLocked(DroppedRange range) {
        FileSet files = current;
        List<DroppedRange> dropped = new ArrayList<>(files.dropped);
        dropped.add(range);
        installLocked(files.files, dropped);
    }

    /** Records a flush: versions up to the timestamp are in the files now. */
    void flushed(long timestamp) {
        flushTimestamp = timestamp;
    }

    /** Writes the manifest of the current generation for a checkpoint at {@code lsn}. */
    void checkpoint(long lsn, long replayFromLsn) {
        synchronized (install) {
            List<String> names = new ArrayList<>();
            for (SortedFile file : current.files) {
                names.add(file.name());
            }
            new Manifest(lsn, replayFromLsn, flushTimestamp, nextFileNumber, names, current.dropped)
                    .write(storage, fsync);
            checkpointLsn = lsn;
        }
    }

    /**
     * Writes the manifest of the current generation again for the last checkpoint (after a compaction or a bulk load
     * changed the files), replaying from the checkpoint or from the oldest prepared transaction's record before it.
     */
    void rewriteManifest(long oldestPreparedLsn) {
        long lsn = checkpointLsn;
        checkpoint(lsn, Math.min(lsn, oldestPreparedLsn));
    }

    /**
     * Reclaims the replaced generations no reader holds, closing and deleting their files that
     * the current generation no longer uses; returns the oldest generation still held (or the
     * current one's when none is).
     */
    long reclaim() {
        List<SortedFile> obsolete = new ArrayList<>();
        long oldestHeld;
        synchronized (install) {
            FileSet live = current;
            oldestHeld = live.generation;
            Set<SortedFile> kept = new HashSet<>(live.files);
            for (int i = retired.size() - 1; i >= 0; i--) {
                FileSet old = retired.get(i);
                if (!old.tryReclaim()) {
                    oldestHeld = Math.min(oldestHeld, old.generation);
                    kept.addAll(old.files);
                }
            }
            for (int i = retired.size() - 1; i >= 0; i--) {
                FileSet old = retired.get(i);
                if (old.tryReclaim()) {
                    for (SortedFile file : old.files) {
                        if (!kept.contains(file) && !obsolete.contains(file)) {
                            obsolete.add(file);
                        }
                    }
                    retired.remove(i);
                }
            }
        }
        for (SortedFile file : obsolete) {
            String name = file.name();
            file.close();
            storage.delete(name);
        }
        return oldestHeld;
    }

    @Override
    public void close() {
        synchronized (install) {
            Set<SortedFile> all = new HashSet<>(current.files);
            for (FileSet old : retired) {
                all.addAll(old.files);
            }
            for (SortedFile file : all) {
                file.close();
            }
        }
    }
}
