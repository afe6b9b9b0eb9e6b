package io.shale.storage.wal;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.StorageFile;
import io.shale.storage.file.StorageFiles;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The write-ahead log of a store: records appended to segment files, made durable by group
 * commit. Thread-safe, and usable from virtual threads.
 *
 * <p>{@link #append} only copies the record into an in-memory batch under a short lock (no I/O,
 * unless the batch is full). {@link #awaitDurable} is leader/follower group commit
 * ({@link GroupCommit}): when no sync is under way, the caller becomes the leader, swaps the
 * batch out, and writes and syncs everything appended so far; callers arriving meanwhile wait
 * for the leader to finish and return at once if it made their records durable. Appends made
 * during a sync go into the other batch and are made durable together by the next leader.
 * Virtual threads have the log's own platform thread lead for them (started when first needed,
 * ended when idle or by {@link #close}).
 *
 * <p>Record types are the caller's, except {@code (byte) 0xFF}, which the log keeps for its own
 * records (segment headers and sync points, never passed to a {@link RecordConsumer}).
 * Segment files are named by their start LSN ({@code 0000000001000000.wal}); see
 * {@link WalRecordDescriptor} for the record layout. Once a write or sync fails the log refuses
 * all further work, as PostgreSQL does after a failed fsync: the store must restart and recover.
 */
public final class WriteAheadLog implements AutoCloseable {

    /** Batches start small and grow to BATCH_LIMIT bytes pending before appends wait for a write. */
    private static final int INITIAL_BATCH = 64 << 10;
    private static final int BATCH_LIMIT = 1 << 20;
    private static final int OVERSIZED_BATCH = 4 * BATCH_LIMIT;

    private final StorageFiles files;
    private final WalConfig config;
    private final WalAppender appender;
    /** Held while writing, syncing, recycling or closing. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final GroupCommit groupCommit;

    // Guarded by writeLock.
    private final WalWriter writer;
    private WalBatch spare;
    private final long openedAt;
    private volatile long written;
    private volatile long durable;
    private volatile ShaleException failure;

    private WriteAheadLog(StorageFiles files, WalConfig config, long endLsn, StorageFile tail, long tailStart) {
        this.files = files;
        this.config = config;
        this.appender = new WalAppender(endLsn, config.segmentSize(), tail == null ? -1 : tailStart,
                INITIAL_BATCH, BATCH_LIMIT);
        this.writer = new WalWriter(files, config.fsync(), tail, tailStart);
        this.spare = new WalBatch(INITIAL_BATCH);
        this.groupCommit = new GroupCommit(new GroupCommitView(), "shale-wal-sync " + files.describe());
        this.openedAt = endLsn;
        this.written = endLsn;
        this.durable = endLsn;
    }

    /**
     * Opens the log for appending at {@code endLsn}, the end {@link WalReader#replay} returned.
     * The tail segment must end exactly there; it is synced first, so that what recovery read is
     * durable before anything is added after it.
     */
    public static WriteAheadLog open(StorageFiles files, WalConfig config, long endLsn) {
        long[] starts = WalSegments.list(files);
        StorageFile tail = null;
        long tailStart = -1;
        if (starts.length > 0) {
            long last = starts[starts.length - 1];
            tail = WalSegments.openTail(files, last, endLsn);
            tailStart = last;
            if (tail != null && config.fsync()) {
                tail.sync();
            }
        }
        if (config.fsync()) {
            files.syncDirectory();
        }
        return new WriteAheadLog(files, config, endLsn, tail, tailStart);
    }

    /**
     * Appends a record and returns its END LSN (pass it to {@link #awaitDurable}). Thread-safe;
     * the log order is the order in which appends take the log's lock.
     */
    public long append(byte type, byte[] payload) {
        if (type == WalRecordDescriptor.INTERNAL_TYPE) {
            throw new IllegalArgumentException("WAL record type 0xFF is reserved for the log itself");
        }
        if (payload.length > WalRecordDescriptor.MAX_PAYLOAD) {
            throw new ShaleException(ErrorCode.PROGRAM_LIMIT_EXCEEDED,
                    "WAL record of " + payload.length + " bytes is too large");
        }
        while (true) {
            checkFailure();
            long lsn = appender.tryAppend(type, payload);
            if (lsn >= 0) {
                return lsn;
            }
            flush();
        }
    }

    /**
     * Returns once every record up to {@code lsn} is written and, with fsync on, synced. Callers
     * waiting at the same time share one sync.
     */
    public void awaitDurable(long lsn) {
        if (lsn <= durable) {
            return;
        }
        if (lsn > appender.end()) {
            throw new IllegalArgumentException("LSN " + Lsn.format(lsn) + " is beyond the end of the log "
                    + Lsn.format(appender.end()));
        }
        groupCommit.await(lsn);
    }

    /** Writes everything appended so far to the files without waiting for a sync. */
    public void flush() {
        writeLock.lock();
        try {
            checkFailure();
            writeOut(false);
        } finally {
            writeLock.unlock();
        }
    }

    /** The LSN up to which records are durable (with fsync off: written). */
    public long durableLsn() {
        return durable;
    }

    /** The end LSN of the last record appended. */
    public long endLsn() {
        return appender.end();
    }

    /** Deletes the segments that end at or before {@code lsn}; the segment being written stays. */
    public void recycleBefore(long lsn) {
        writeLock.lock();
        try {
            checkFailure();
            long current = writer.currentSegmentStart();
            long[] starts = WalSegments.list(files);
            boolean deleted = false;
            for (int i = 0; i + 1 < starts.length; i++) {
                if (starts[i + 1] <= lsn && (current < 0 || starts[i] < current)) {
                    files.delete(WalSegments.fileName(starts[i]));
                    deleted = true;
                }
            }
            if (deleted && config.fsync()) {
                files.syncDirectory();
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Stops the log as a killed process would stop it: from now on appends, syncs and recycling
     * fail, a write or sync under way finishes first, and what was appended but not yet written is
     * dropped (nothing more is written or synced). The files are closed and left to the next
     * {@link #open}; when this returns, no thread of this log touches them any more. Idempotent,
     * and {@link #close} afterwards does nothing.
     */
    public void halt() {
        if (failure == null) {
            failure = new ShaleException(ErrorCode.ADMIN_SHUTDOWN, "the write-ahead log was stopped");
        }
        writeLock.lock();
        try {
            appender.close();
            writer.close();
        } finally {
            writeLock.unlock();
        }
        groupCommit.stop();
    }

    /** Writes and syncs everything appended, ends with a sync point, closes the files. Idempotent. */
    @Override
    public void close() {
        groupCommit.stop();
        writeLock.lock();
        try {
            if (!appender.close()) {
                return;
            }
            if (failure == null) {
                writeOut(true);
                if (config.fsync() && written > openedAt) {
                    appender.markSyncPoint(durable);
                    writeOut(true);
                }
            }
        } finally {
            try {
                writer.close();
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** Takes the filling batch, writes it, and syncs when asked (and fsync is on). */
    private void writeOut(boolean sync) {
        try {
            WalBatch batch = appender.swap(spare, durable);
            if (batch != null) {
                spare = batch;
                writer.write(batch);
                written = batch.endLsn();
                if (batch.capacity() > OVERSIZED_BATCH) {
                    spare = new WalBatch(INITIAL_BATCH);
                }
            }
            if (config.fsync()) {
                if (sync) {
                    writer.sync();
                    durable = written;
                }
            } else {
                durable = written;
            }
        } catch (RuntimeException e) {
            failure = e instanceof ShaleException shale ? shale
                    : new ShaleException(ErrorCode.IO_ERROR, "could not write to the write-ahead log", e);
            throw copyOfFailure();
        }
    }

    private void checkFailure() {
        if (failure != null) {
            throw copyOfFailure();
        }
    }

    private ShaleException copyOfFailure() {
        ShaleException cause = failure;
        return new ShaleException(cause.code(), cause.getMessage(), cause);
    }

    /** Group commit's view of this log. */
    private final class GroupCommitView implements GroupCommit.Log {
        @Override
        public long durable() {
            return durable;
        }

        @Override
        public void syncAll() {
            writeLock.lock();
            try {
                checkFailure();
                writeOut(true);
            } finally {
                writeLock.unlock();
            }
        }

        @Override
        public boolean failed() {
            return failure != null;
        }

        @Override
        public void checkFailure() {
            WriteAheadLog.this.checkFailure();
        }
    }
}
