package io.shale.storage.lsm;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.sstable.SortedFile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The background work of a durable store, run by its {@link StoreWorker} every tick: asynchronous
 * commits made durable; the memtable flushed (a checkpoint) when it passes its share of the
 * memory budget, when the log has grown by {@link LsmConfig#checkpointWalSize()} since the last
 * checkpoint, or on request; the sorted files compacted when there are too many or on request.
 * Flushes and compactions run one at a time (the worker, close, and tests take the same lock).
 */
final class StoreMaintenance {
    private final LsmKeyValueStore store;
    private final DiskTier tier;
    private final MemtableFlush flush;
    private final FileCompaction compaction;
    private final Object lock = new Object();
    private final StoreWorker worker;
    private volatile boolean flushRequested;
    private volatile boolean compactionRequested;
    private volatile RuntimeException failure;
    private volatile boolean stopped;

    StoreMaintenance(LsmKeyValueStore store, DiskTier tier, String name) {
        this.store = store;
        this.tier = tier;
        this.flush = new MemtableFlush(store, tier);
        this.compaction = new FileCompaction(store, tier);
        this.worker = StoreWorker.start(this, name);
    }

    /** One tick of the worker. */
    void tick() {
        store.committer().flushAsync();
        synchronized (lock) {
            if (stopped) {
                return;
            }
            try {
                flush.tryCut();
                boolean logDue = store.committer().logPosition() - tier.checkpointLsn()
                        > store.config().checkpointWalSize();
                boolean memoryDue = store.versions().memoryBytes() > memtableBudget() && !flush.cutPending();
                if (logDue || memoryDue || flushRequested) {
                    flushRequested = false;
                    flush.run();
                }
                if (store.config().compaction() && (compactionRequested || compaction.due())) {
                    boolean force = compactionRequested;
                    compactionRequested = false;
                    compaction.run(force);
                }
                failure = null;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    /** Asks for a flush and/or a full compaction at the next tick (VACUUM, range drops). */
    void request(boolean flushToo) {
        if (flushToo) {
            flushRequested = true;
        }
        compactionRequested = true;
        worker.wake();
    }

    /** The memtable's share of the memory budget (the block cache has a quarter). */
    long memtableBudget() {
        return store.config().memoryBudget() / 2;
    }

    /** The last failure of background maintenance, cleared by a successful round. */
    RuntimeException failure() {
        return failure;
    }

    /** Runs a flush (checkpoint) now, on the caller's thread. */
    void flushNow() {
        synchronized (lock) {
            flush.run();
            flush.tryCut();
        }
    }

    /**
     * Adds a bulk-loaded file of the range {@code [from, to)} to the files and writes the manifest, between flushes and
     * compactions. The file goes below the others when none of them holds a key of the range (compaction then leaves
     * it alone while newer files merge), else on top: a newer file only ever holds newer versions of a key.
     */
    void ingest(SortedFile file, byte[] from, byte[] to) {
        synchronized (lock) {
            if (stopped) {
                String name = file.name();
                file.close();
                tier.storage.delete(name);
                throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "the store is closed");
            }
            store.versions().filesMayHoldKeys();
            synchronized (tier.installLock()) {
                FileSet now = tier.current();
                List<SortedFile> next = new ArrayList<>(now.files.size() + 1);
                if (holdsKeys(now, from, to)) {
                    next.add(file);
                    next.addAll(now.files);
                } else {
                    next.addAll(now.files);
                    next.add(file);
                }
                tier.installLocked(next, now.dropped);
            }
            tier.rewriteManifest(store.prepared().oldestLsn());
        }
    }

    private static boolean holdsKeys(FileSet files, byte[] from, byte[] to) {
        return !files.isEmpty() && files.iterator(from, to, false).next();
    }

    /** Runs a compaction now, on the caller's thread: all files, or the tiered choice. */
    void compactNow(boolean all) {
        synchronized (lock) {
            compaction.run(all);
        }
    }

    /**
     * Slows a writer while the memtable is over twice its share of the budget (the flush cannot
     * keep up), for at most a second per commit. While flushed versions only wait for a long
     * reader to release an older file generation, slowing writers would not help: then only past
     * four times the share.
     */
    void throttle() {
        long share = memtableBudget();
        long bytes = store.versions().memoryBytes();
        if (bytes <= 2 * share) {
            return;
        }
        long limit = flush.cutPending() ? 4 * share : 2 * share;
        if (bytes <= limit) {
            worker.wake();
            return;
        }
        worker.wake();
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (store.versions().memoryBytes() > limit && System.nanoTime() < deadline && !stopped) {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** Stops the worker; with {@code checkpoint}, flushes everything first (a clean close). */
    void stop(boolean checkpoint) {
        stopped = true;
        worker.stop();
        if (checkpoint && failure == null) {
            synchronized (lock) {
                flush.run();
            }
        }
    }
}
