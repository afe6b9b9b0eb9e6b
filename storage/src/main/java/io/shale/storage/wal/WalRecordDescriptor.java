package io.shale.storage.wal;

import java.util.zip.CRC32C;

/**
 * Layout of one write-ahead log record, big-endian:
 * <pre>
 *   0        4        8      9
 *   +--------+--------+------+---------------------+
 *   | length | crc32c | type | payload (length)    |
 *   +--------+--------+------+---------------------+
 * </pre>
 * {@code crc32c} covers type, payload and then the record's own start LSN (8 bytes,
 * big-endian), so that a record copied to another position, or bytes left over from an older
 * log, never check out. Records never span segment files.
 *
 * <p>Type {@link #INTERNAL_TYPE} is the log's own: a 9-byte payload {@code [kind u8][value u64]}
 * where kind {@link #SEGMENT_START} opens every segment and carries the format version, and kind
 * {@link #SYNC_POINT} carries an LSN below which everything was durable when the record was
 * written (recovery uses it to tell a torn tail from corruption in the middle).
 */
final class WalRecordDescriptor {

    static final int HEADER_SIZE = 9;
    static final int LENGTH_OFFSET = 0;
    static final int CRC_OFFSET = 4;
    static final int TYPE_OFFSET = 8;

    static final byte INTERNAL_TYPE = (byte) 0xFF;
    static final byte SEGMENT_START = 1;
    static final byte SYNC_POINT = 2;
    static final int INTERNAL_PAYLOAD_SIZE = 9;
    static final int INTERNAL_RECORD_SIZE = HEADER_SIZE + INTERNAL_PAYLOAD_SIZE;

    static final long FORMAT_VERSION = 1;

    /** Largest payload: a record's total size must fit an int. */
    static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64;

    private WalRecordDescriptor() {
    }

    /** Checksum of a record whose type and payload lie in {@code bytes} at {@code typeOffset}. */
    static int checksum(CRC32C crc, byte[] bytes, int typeOffset, int payloadLength, long lsn) {
        crc.reset();
        crc.update(bytes, typeOffset, 1 + payloadLength);
        updateLong(crc, lsn);
        return (int) crc.getValue();
    }

    /** Checksum of a record given as type and payload. */
    static int checksum(CRC32C crc, byte type, byte[] payload, long lsn) {
        crc.reset();
        crc.update(type);
        crc.update(payload, 0, payload.length);
        updateLong(crc, lsn);
        return (int) crc.getValue();
    }

    static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | bytes[offset + 3] & 0xFF;
    }

    static long readLong(byte[] bytes, int offset) {
        return (long) readInt(bytes, offset) << 32 | readInt(bytes, offset + 4) & 0xFFFF_FFFFL;
    }

    static void writeInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }

    static void writeLong(byte[] bytes, int offset, long value) {
        writeInt(bytes, offset, (int) (value >>> 32));
        writeInt(bytes, offset + 4, (int) value);
    }

    private static void updateLong(CRC32C crc, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            crc.update((int) (value >>> shift));
        }
    }
}
