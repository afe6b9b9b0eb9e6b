package io.shale.storage.wal;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * The appending side of the log: assigns LSNs and copies records into the filling batch, deciding
 * where segments begin. Thread-safe (one short lock: a CRC and a copy, never I/O).
 */
final class WalAppender {

    private final ReentrantLock lock = new ReentrantLock();
    private final CRC32C crc = new CRC32C();
    private final long segmentSize;
    private final int batchLimit;
    // Guarded by lock.
    private WalBatch filling;
    private long segmentStart;
    private boolean segmentDue;
    private long syncPointMarked = -1;
    private boolean closed;
    /** Written under lock, read without it. */
    private volatile long end;

    /**
     * Appends at {@code endLsn}; {@code tailStart} is the open tail segment's start, or -1 if
     * none. A batch grows from {@code initialCapacity} up to {@code batchLimit} bytes before
     * appends have to wait for it to be written.
     */
    WalAppender(long endLsn, long segmentSize, long tailStart, int initialCapacity, int batchLimit) {
        this.segmentSize = segmentSize;
        this.batchLimit = batchLimit;
        this.filling = new WalBatch(initialCapacity);
        this.filling.reset(endLsn);
        this.segmentStart = tailStart < 0 ? endLsn : tailStart;
        this.segmentDue = tailStart < 0;
        this.end = endLsn;
    }

    long end() {
        return end;
    }

    /**
     * Appends a record and returns its end LSN, or -1 when the filling batch has no room (the
     * caller writes it out and tries again).
     */
    long tryAppend(byte type, byte[] payload) {
        int recordSize = WalRecordDescriptor.HEADER_SIZE + payload.length;
        lock.lock();
        try {
            if (closed) {
                throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                        "write-ahead log is closed");
            }
            long at = end;
            boolean roll = segmentDue || at > segmentStart && at - segmentStart + recordSize > segmentSize;
            int needed = recordSize + 2 * WalRecordDescriptor.INTERNAL_RECORD_SIZE;
            if (filling.free() < needed && !filling.isEmpty()
                    && filling.capacity() - filling.free() + needed > batchLimit) {
                return -1;
            }
            filling.ensureFree(needed);
            if (roll) {
                filling.markSegmentStart();
                filling.putInternal(crc, WalRecordDescriptor.SEGMENT_START, WalRecordDescriptor.FORMAT_VERSION);
                segmentStart = at;
                segmentDue = false;
            }
            long recordEnd = filling.putRecord(crc, type, payload);
            end = recordEnd;
            return recordEnd;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands over the filling batch, ending it with a sync point when durability advanced to
     * {@code durable}, and continues in {@code empty}; returns null (keeping {@code empty} unused)
     * when nothing is pending.
     */
    WalBatch swap(WalBatch empty, long durable) {
        lock.lock();
        try {
            if (filling.isEmpty()) {
                return null;
            }
            addSyncPoint(durable);
            WalBatch full = filling;
            empty.reset(full.endLsn());
            filling = empty;
            return full;
        } finally {
            lock.unlock();
        }
    }

    /** Appends a sync point saying that everything below {@code durable} is synced. */
    void markSyncPoint(long durable) {
        lock.lock();
        try {
            addSyncPoint(durable);
        } finally {
            lock.unlock();
        }
    }

    /** Refuses later appends; returns false if already closed. */
    boolean close() {
        lock.lock();
        try {
            boolean wasOpen = !closed;
            closed = true;
            return wasOpen;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A sync point tells recovery that a bad record below it had been synced, so it is
     * corruption, not a tail a power cut tore. Only when durability advanced since the last one.
     */
    private void addSyncPoint(long durable) {
        if (durable > syncPointMarked) {
            filling.putInternal(crc, WalRecordDescriptor.SYNC_POINT, durable);
            syncPointMarked = durable;
            end = filling.endLsn();
        }
    }
}
