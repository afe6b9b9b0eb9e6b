package io.shale.storage.wal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The bytes of the log from {@link #startLsn()} appended but not yet written, with the LSNs at
 * which new segment files begin inside them. Two batches alternate: appenders fill one while the
 * group-commit leader writes the other. Guarded by the log's locks, not thread-safe itself.
 */
final class WalBatch {

    private byte[] bytes;
    private ByteBuffer view;
    private int size;
    private long startLsn;
    private long[] segmentStarts = new long[4];
    private int segmentStartCount;

    WalBatch(int capacity) {
        bytes = new byte[capacity];
        view = ByteBuffer.wrap(bytes);
    }

    void reset(long newStartLsn) {
        startLsn = newStartLsn;
        size = 0;
        segmentStartCount = 0;
    }

    long startLsn() {
        return startLsn;
    }

    long endLsn() {
        return startLsn + size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int capacity() {
        return bytes.length;
    }

    int free() {
        return bytes.length - size;
    }

    void ensureFree(int needed) {
        if (free() < needed) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max((long) size + needed, bytes.length * 2L)));
            view = ByteBuffer.wrap(bytes);
        }
    }

    /** Appends a record at the batch's end; the caller has made room. Returns its end LSN. */
    long putRecord(CRC32C crc, byte type, byte[] payload) {
        long lsn = endLsn();
        int at = size;
        WalRecordDescriptor.writeInt(bytes, at + WalRecordDescriptor.LENGTH_OFFSET, payload.length);
        WalRecordDescriptor.writeInt(bytes, at + WalRecordDescriptor.CRC_OFFSET,
                WalRecordDescriptor.checksum(crc, type, payload, lsn));
        bytes[at + WalRecordDescriptor.TYPE_OFFSET] = type;
        System.arraycopy(payload, 0, bytes, at + WalRecordDescriptor.HEADER_SIZE, payload.length);
        size = at + WalRecordDescriptor.HEADER_SIZE + payload.length;
        return startLsn + size;
    }

    /** Appends one of the log's own records (kind and value), growing the batch if needed. */
    void putInternal(CRC32C crc, byte kind, long value) {
        ensureFree(WalRecordDescriptor.INTERNAL_RECORD_SIZE);
        long lsn = endLsn();
        int at = size;
        int typeAt = at + WalRecordDescriptor.TYPE_OFFSET;
        bytes[typeAt] = WalRecordDescriptor.INTERNAL_TYPE;
        bytes[typeAt + 1] = kind;
        WalRecordDescriptor.writeLong(bytes, typeAt + 2, value);
        WalRecordDescriptor.writeInt(bytes, at + WalRecordDescriptor.LENGTH_OFFSET,
                WalRecordDescriptor.INTERNAL_PAYLOAD_SIZE);
        WalRecordDescriptor.writeInt(bytes, at + WalRecordDescriptor.CRC_OFFSET,
                WalRecordDescriptor.checksum(crc, bytes, typeAt,
                        WalRecordDescriptor.INTERNAL_PAYLOAD_SIZE, lsn));
        size = at + WalRecordDescriptor.INTERNAL_RECORD_SIZE;
    }

    /** Records that a new segment file begins at the batch's current end. */
    void markSegmentStart() {
        if (segmentStartCount == segmentStarts.length) {
            segmentStarts = Arrays.copyOf(segmentStarts, segmentStartCount * 2);
        }
        segmentStarts[segmentStartCount++] = endLsn();
    }

    int segmentStartCount() {
        return segmentStartCount;
    }

    long segmentStart(int index) {
        return segmentStarts[index];
    }

    /** The bytes of LSNs [from, to) of this batch, as a buffer the caller may consume. */
    ByteBuffer slice(long from, long to) {
        view.limit((int) (to - startLsn)).position((int) (from - startLsn));
        return view;
    }
}
