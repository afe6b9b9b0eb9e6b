package io.shale.storage.lsm;

import io.shale.storage.file.StorageFile;
import io.shale.storage.sstable.SortedFile;
import io.shale.storage.sstable.SortedFileInfo;
import io.shale.storage.sstable.SortedFileWriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A checkpoint: the committed versions of the memtable up to a flush timestamp go into a new
 * sorted file (those above the pruning horizon, plus the newest at or below it), the file joins
 * the current generation, the manifest records it with the log position of the flush timestamp,
 * and the log before it (or before the oldest open prepared transaction) is recycled. Once no
 * reader holds an older generation, the flushed versions are cut from the chains. Runs on the
 * store's worker thread (and at close), one at a time.
 */
final class MemtableFlush {
    private final LsmKeyValueStore store;
    private final DiskTier tier;
    /** A flush timestamp whose versions are still to be cut from the chains (0: none). */
    private volatile long pendingCut;
    /** The generation that must be the oldest one read before that cut. */
    private long pendingGeneration;

    MemtableFlush(LsmKeyValueStore store, DiskTier tier) {
        this.store = store;
        this.tier = tier;
    }

    boolean cutPending() {
        return pendingCut != 0;
    }

    /** Flushes and checkpoints now. */
    void run() {
        Committer committer = store.committer();
        long[] position;
        synchronized (tier.installLock()) {
            position = committer.cut();
        }
        long lsn = position[0];
        long timestamp = position[1];
        store.awaitCommitsBefore(timestamp);
        committer.makeDurable(lsn);
        store.versions().filesMayHoldKeys();
        store.refreshHorizon();
        long horizon = store.horizon();
        SortedFile written = write(tier.flushTimestamp(), timestamp, horizon);
        long generation;
        synchronized (tier.installLock()) {
            FileSet files = tier.current();
            if (written != null) {
                List<SortedFile> newestFirst = new ArrayList<>(files.files.size() + 1);
                newestFirst.add(written);
                newestFirst.addAll(files.files);
                files = tier.installLocked(newestFirst, files.dropped);
            }
            generation = files.generation;
        }
        tier.flushed(timestamp);
        long replayFrom = Math.min(lsn, store.prepared().oldestLsn());
        tier.checkpoint(lsn, replayFrom);
        committer.recycleBefore(replayFrom);
        pendingCut = timestamp;
        pendingGeneration = generation;
        tryCut();
    }

    /** Cuts the flushed versions from the chains once no reader holds an older generation. */
    void tryCut() {
        long oldestHeld = tier.reclaim();
        if (pendingCut != 0 && oldestHeld >= pendingGeneration) {
            store.versions().cutFlushed(pendingCut);
            pendingCut = 0;
        }
    }

    /** Writes the versions committed in {@code (since, until]} that are still needed; null if none. */
    private SortedFile write(long since, long until, long horizon) {
        StorageFile file = tier.createFile();
        String name = file.name();
        SortedFileInfo info;
        try {
            SortedFileWriter writer = new SortedFileWriter(file, tier.options);
            Iterator<VersionChain> chains = store.versions().iterate(null, null, false);
            byte[] previousKey = null;
            while (chains.hasNext()) {
                VersionChain chain = chains.next();
                if (previousKey != null && Arrays.compareUnsigned(chain.key, previousKey) <= 0) {
                    continue;
                }
                if (add(writer, chain, since, until, horizon)) {
                    previousKey = chain.key;
                }
            }
            info = writer.finish();
        } finally {
            file.close();
        }
        if (info.entryCount() == 0) {
            tier.storage.delete(name);
            return null;
        }
        tier.syncCreations();
        return SortedFile.open(tier.storage.open(name), tier.cache);
    }

    private static boolean add(SortedFileWriter writer, VersionChain chain, long since, long until, long horizon) {
        boolean added = false;
        for (Version v = chain.head; v != null; v = v.next) {
            long ts = v.committedTimestampNow();
            if (ts == 0 || ts > until) {
                continue;
            }
            if (ts <= since) {
                break;
            }
            writer.add(chain.key, ts, v.value);
            added = true;
            if (ts <= horizon) {
                break;
            }
        }
        return added;
    }
}
