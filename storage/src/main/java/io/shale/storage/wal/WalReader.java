package io.shale.storage.wal;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.StorageFile;
import io.shale.storage.file.StorageFiles;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Recovery: reads the write-ahead log from an LSN and hands its records to a consumer.
 *
 * <p>Replay stops at the first record that does not check out (short, bad length, bad CRC, or a
 * gap between segments). If a later sync point proves that the bad bytes had already been synced
 * when it was written, a power cut cannot explain them: that is corruption in the middle of the
 * log, and replay fails (XX001) unless asked to cut there anyway. Otherwise the bad bytes are a
 * torn tail left by a crash: the segment is truncated there, later segments are deleted, and the
 * cut is synced.
 */
public final class WalReader {

    /** The setting that lets recovery cut the log at a corrupt record; named in the error's hint. */
    public static final String SKIP_CORRUPT_SETTING = "shale.wal_skip_corrupt";

    private final StorageFiles files;
    private final long[] starts;
    private final CRC32C crc = new CRC32C();

    private WalReader(StorageFiles files, long[] starts) {
        this.files = files;
        this.starts = starts;
    }

    /**
     * Replays the records from {@code fromLsn} (the end LSN of a record, or where the log began)
     * and returns the end of the log, the LSN to {@link WriteAheadLog#open} at. With
     * {@code truncateCorruptTail}, a corrupt record in the middle cuts the log there instead of
     * failing: the records after it are lost.
     */
    public static long replay(StorageFiles files, long fromLsn, boolean truncateCorruptTail,
                              RecordConsumer consumer) {
        return new WalReader(files, WalSegments.list(files)).run(fromLsn, truncateCorruptTail, consumer);
    }

    private long run(long fromLsn, boolean truncateCorruptTail, RecordConsumer consumer) {
        int segment = starts.length - 1;
        while (segment >= 0 && starts[segment] > fromLsn) {
            segment--;
        }
        if (segment < 0) {
            if (starts.length == 0) {
                return fromLsn;
            }
            throw new ShaleException(ErrorCode.DATA_CORRUPTED, "could not find WAL file containing "
                    + Lsn.format(fromLsn) + " in " + files.describe());
        }
        byte[] data = load(segment);
        if (fromLsn > starts[segment] + data.length) {
            throw new ShaleException(ErrorCode.DATA_CORRUPTED, "WAL ends at "
                    + Lsn.format(starts[segment] + data.length) + ", before the requested start "
                    + Lsn.format(fromLsn));
        }
        long position = fromLsn;
        while (true) {
            int offset = (int) (position - starts[segment]);
            if (offset == data.length) {
                if (segment + 1 == starts.length) {
                    return position;
                }
                if (starts[segment + 1] == position) {
                    segment++;
                    data = load(segment);
                    continue;
                }
                return badRecord(segment, offset, position, truncateCorruptTail);
            }
            int length = validRecordAt(data, offset, position);
            if (length < 0) {
                return badRecord(segment, offset, position, truncateCorruptTail);
            }
            long next = position + WalRecordDescriptor.HEADER_SIZE + length;
            byte type = data[offset + WalRecordDescriptor.TYPE_OFFSET];
            int payloadAt = offset + WalRecordDescriptor.HEADER_SIZE;
            if (type == WalRecordDescriptor.INTERNAL_TYPE) {
                checkInternal(data, payloadAt, length, segment, offset);
            } else {
                consumer.accept(next, type, Arrays.copyOfRange(data, payloadAt, payloadAt + length));
            }
            position = next;
        }
    }

    /** The payload length of the record at {@code offset} if it checks out, else -1. */
    private int validRecordAt(byte[] data, int offset, long lsn) {
        if (data.length - offset < WalRecordDescriptor.HEADER_SIZE) {
            return -1;
        }
        int length = WalRecordDescriptor.readInt(data, offset + WalRecordDescriptor.LENGTH_OFFSET);
        if (length < 0 || length > data.length - offset - WalRecordDescriptor.HEADER_SIZE) {
            return -1;
        }
        int stored = WalRecordDescriptor.readInt(data, offset + WalRecordDescriptor.CRC_OFFSET);
        int actual = WalRecordDescriptor.checksum(crc, data, offset + WalRecordDescriptor.TYPE_OFFSET,
                length, lsn);
        return stored == actual ? length : -1;
    }

    private void checkInternal(byte[] data, int payloadAt, int length, int segment, int offset) {
        if (length != WalRecordDescriptor.INTERNAL_PAYLOAD_SIZE) {
            throw corrupt(segment, offset);
        }
        byte kind = data[payloadAt];
        long value = WalRecordDescriptor.readLong(data, payloadAt + 1);
        if (kind == WalRecordDescriptor.SEGMENT_START) {
            if (value != WalRecordDescriptor.FORMAT_VERSION) {
                throw new ShaleException(ErrorCode.DATA_CORRUPTED, "WAL file \""
                        + WalSegments.fileName(starts[segment]) + "\" has unsupported format version "
                        + value + " (expected " + WalRecordDescriptor.FORMAT_VERSION + ")");
            }
        } else if (kind != WalRecordDescriptor.SYNC_POINT) {
            throw corrupt(segment, offset);
        }
    }

    /** A record does not check out at {@code offset}: fail, or cut the log there. */
    private long badRecord(int segment, int offset, long position, boolean truncateCorruptTail) {
        if (!truncateCorruptTail && syncedBefore(segment, offset, position)) {
            throw corrupt(segment, offset).withHint("Setting " + SKIP_CORRUPT_SETTING
                    + " = on starts the node with the log cut at this record; the transactions"
                    + " logged after it are lost.");
        }
        String name = WalSegments.fileName(starts[segment]);
        try (StorageFile file = files.open(name)) {
            if (file.size() > offset) {
                file.truncate(offset);
                file.sync();
            }
        }
        for (int later = segment + 1; later < starts.length; later++) {
            files.delete(WalSegments.fileName(starts[later]));
        }
        files.syncDirectory();
        return position;
    }

    /**
     * Whether a valid sync point after the bad bytes at {@code badLsn} says they had been synced
     * before it was written. Scans every later offset for a record that checks out (its CRC
     * covers its own LSN, so stray bytes do not), following runs of valid records.
     */
    private boolean syncedBefore(int segment, int offset, long badLsn) {
        for (int index = segment; index < starts.length; index++) {
            byte[] data = load(index);
            int at = index == segment ? offset + 1 : 0;
            while (at + WalRecordDescriptor.HEADER_SIZE <= data.length) {
                int length = validRecordAt(data, at, starts[index] + at);
                if (length < 0) {
                    at++;
                    continue;
                }
                int payloadAt = at + WalRecordDescriptor.HEADER_SIZE;
                if (data[at + WalRecordDescriptor.TYPE_OFFSET] == WalRecordDescriptor.INTERNAL_TYPE
                        && length == WalRecordDescriptor.INTERNAL_PAYLOAD_SIZE
                        && data[payloadAt] == WalRecordDescriptor.SYNC_POINT
                        && WalRecordDescriptor.readLong(data, payloadAt + 1) > badLsn) {
                    return true;
                }
                at = payloadAt + length;
            }
        }
        return false;
    }

    private ShaleException corrupt(int segment, int offset) {
        return new ShaleException(ErrorCode.DATA_CORRUPTED, "invalid WAL record in file \""
                + WalSegments.fileName(starts[segment]) + "\" at offset " + offset);
    }

    private byte[] load(int segment) {
        String name = WalSegments.fileName(starts[segment]);
        try (StorageFile file = files.open(name)) {
            long size = file.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new ShaleException(ErrorCode.DATA_CORRUPTED,
                        "WAL file \"" + name + "\" is too large: " + size + " bytes");
            }
            byte[] data = new byte[(int) size];
            file.readFully(0, ByteBuffer.wrap(data));
            return data;
        }
    }
}
