package io.shale.storage.wal;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.StorageFile;
import io.shale.storage.file.StorageFiles;

import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The write-ahead log of a store: records appended to segment files, made durable by group
 * commit. Thread-safe, and usable from virtual threads.
 *
 * <p>{@link #append} only copies the record into an in-memory batch under a short lock (no I/O,
 * unless the batch is full). {@link #awaitDurable} is leader/follower group commit: the first
 * caller to take the write lock swaps the batch out, writes and syncs everything appended so far,
 * while the others wait on the lock and then find their records already durable; appends made
 * during the sync go into the other batch and are made durable together by the next leader.
 *
 * <p>Record types are the caller's, except {@code (byte) 0xFF}, which the log keeps for its own
 * records (segment headers and sync points, never passed to a {@link RecordConsumer}).
 * Segment files are named by their start LSN ({@code 0000000001000000.wal}); see
 * {@link WalRecordDescriptor} for the record layout. Once a write or sync fails the log refuses
 * all further work, as PostgreSQL does after a failed fsync: the store must restart and recover.
 */
public final class WriteAheadLog implements AutoCloseable {

    private static final int BATCH_CAPACITY = 1 << 20;
    private static final int OVERSIZED_BATCH = 4 * BATCH_CAPACITY;

    private final StorageFiles files;
    private final WalConfig config;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final WalWriter writer;

    // Guarded by appendLock.
    private final CRC32C crc = new CRC32C();
    private WalBatch filling;
    private long segmentStart;
    private boolean segmentDue;
    private long syncPointMarked = -1;
    private boolean closed;
    private volatile long end;

    // Guarded by writeLock (spare is swapped with filling under both locks).
    private WalBatch spare;
    private final long openedAt;
    private volatile long written;
    private volatile long durable;
    private volatile ShaleException failure;

    private WriteAheadLog(StorageFiles files, WalConfig config, long endLsn, StorageFile tail,
                          long tailStart) {
        this.files = files;
        this.config = config;
        this.writer = new WalWriter(files, config.fsync(), tail, tailStart);
        this.filling = new WalBatch(BATCH_CAPACITY);
        this.spare = new WalBatch(BATCH_CAPACITY);
        this.filling.reset(endLsn);
        this.segmentStart = tail == null ? endLsn : tailStart;
        this.segmentDue = tail == null;
        this.openedAt = endLsn;
        this.end = endLsn;
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
        long tailStart = endLsn;
        if (starts.length > 0) {
            long last = starts[starts.length - 1];
            String name = WalSegments.fileName(last);
            if (last > endLsn) {
                throw new ShaleException(ErrorCode.DATA_CORRUPTED, "WAL file \"" + name
                        + "\" lies beyond the end of the log at " + Lsn.format(endLsn));
            }
            StorageFile file = files.open(name);
            long size = file.size();
            if (last + size != endLsn) {
                file.close();
                throw new ShaleException(ErrorCode.DATA_CORRUPTED, "WAL file \"" + name + "\" ends at "
                        + Lsn.format(last + size) + ", not at the end of the log at " + Lsn.format(endLsn));
            }
            if (size == 0) {
                file.close();
                files.delete(name);
            } else {
                tail = file;
                tailStart = last;
                if (config.fsync()) {
                    file.sync();
                }
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
        int recordSize = WalRecordDescriptor.HEADER_SIZE + payload.length;
        while (true) {
            appendLock.lock();
            try {
                checkUsable();
                long at = end;
                boolean roll = segmentDue
                        || at > segmentStart && at - segmentStart + recordSize > config.segmentSize();
                int needed = recordSize + 2 * WalRecordDescriptor.INTERNAL_RECORD_SIZE;
                if (filling.free() >= needed || filling.isEmpty()) {
                    filling.ensureFree(needed);
                    if (roll) {
                        filling.markSegmentStart();
                        filling.putInternal(crc, WalRecordDescriptor.SEGMENT_START,
                                WalRecordDescriptor.FORMAT_VERSION);
                        segmentStart = at;
                        segmentDue = false;
                    }
                    long recordEnd = filling.putRecord(crc, type, payload);
                    end = recordEnd;
                    return recordEnd;
                }
            } finally {
                appendLock.unlock();
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
            checkFailure();
            return;
        }
        if (lsn > end) {
            throw new IllegalArgumentException("LSN " + Lsn.format(lsn) + " is beyond the end of the log "
                    + Lsn.format(end));
        }
        writeLock.lock();
        try {
            while (durable < lsn) {
                checkFailure();
                writeOut(true);
            }
        } finally {
            writeLock.unlock();
        }
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
        return end;
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

    /** Writes and syncs everything appended, then closes the files. Idempotent. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            appendLock.lock();
            try {
                if (closed) {
                    return;
                }
                closed = true;
            } finally {
                appendLock.unlock();
            }
            if (failure == null) {
                writeOut(true);
                if (config.fsync() && written > openedAt) {
                    markFinalSyncPoint();
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
            WalBatch batch = takeBatch();
            if (batch != null) {
                writer.write(batch);
                written = batch.endLsn();
                if (spare == batch && batch.capacity() > OVERSIZED_BATCH) {
                    spare = new WalBatch(BATCH_CAPACITY);
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

    /** Swaps the filling batch for the spare one; adds a sync point when durability advanced. */
    private WalBatch takeBatch() {
        appendLock.lock();
        try {
            if (filling.isEmpty()) {
                return null;
            }
            addSyncPoint();
            WalBatch batch = filling;
            spare.reset(batch.endLsn());
            filling = spare;
            spare = batch;
            return batch;
        } finally {
            appendLock.unlock();
        }
    }

    private void markFinalSyncPoint() {
        appendLock.lock();
        try {
            addSyncPoint();
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Appends a sync point when durability advanced since the last one (under appendLock): it
     * tells recovery that a bad record below it had been synced, so it is corruption, not a tail
     * a power cut tore.
     */
    private void addSyncPoint() {
        long durableNow = durable;
        if (durableNow > syncPointMarked) {
            filling.putInternal(crc, WalRecordDescriptor.SYNC_POINT, durableNow);
            syncPointMarked = durableNow;
            end = filling.endLsn();
        }
    }

    private void checkUsable() {
        if (closed) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "write-ahead log is closed");
        }
        checkFailure();
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
}
