package io.shale.storage.sstable;

/**
 * A bounds-checked reader over a checksummed section; running past its end is reported as
 * corruption of that section.
 */
final class ByteSource {
    private final byte[] data;
    private final int end;
    private final String what;
    private final String fileName;
    private final long fileOffset;
    private int position;

    ByteSource(byte[] data, int length, String what, String fileName, long fileOffset) {
        this.data = data;
        this.end = length;
        this.what = what;
        this.fileName = fileName;
        this.fileOffset = fileOffset;
    }

    private void need(int count) {
        if (count < 0 || position + count > end) {
            throw Bytes.corrupted(what, fileName, fileOffset + position);
        }
    }

    /** The corruption error of this section at the current position. */
    RuntimeException corrupted() {
        return Bytes.corrupted(what, fileName, fileOffset + position);
    }

    int readByte() {
        need(1);
        return data[position++] & 0xFF;
    }

    int readInt() {
        need(4);
        int value = Bytes.getInt(data, position);
        position += 4;
        return value;
    }

    long readLong() {
        need(8);
        long value = Bytes.getLong(data, position);
        position += 8;
        return value;
    }

    int readVarint() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw Bytes.corrupted(what, fileName, fileOffset + position);
    }

    byte[] readKey() {
        int length = readVarint();
        need(length);
        byte[] key = new byte[length];
        System.arraycopy(data, position, key, 0, length);
        position += length;
        return key;
    }

    /** A count of items of at least {@code minBytes} each, checked against the bytes left. */
    int readCount(int minBytes) {
        int count = readInt();
        if (count < 0 || (long) count * minBytes > end - position) {
            throw Bytes.corrupted(what, fileName, fileOffset + position - 4);
        }
        return count;
    }
}
