package io.shale.storage.sstable;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.StorageFile;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What {@link SortedFile#open} reads and checks once: the footer, then the bloom filter, block
 * index, prefix table and properties sections, each against its CRC32C.
 */
record SortedFileMetadata(SortedFileInfo info, int restartInterval, SortedFileIndex index, BloomFilter bloom,
                          long[] prefixes, long[] prefixBytes) {

    static SortedFileMetadata read(StorageFile file) {
        String name = file.name();
        long size = file.size();
        if (size < SortedFileDescriptor.FOOTER_LENGTH) {
            throw Bytes.corrupted("footer", name, 0);
        }
        long footerOffset = size - SortedFileDescriptor.FOOTER_LENGTH;
        byte[] footer = new byte[SortedFileDescriptor.FOOTER_LENGTH];
        file.readFully(footerOffset, ByteBuffer.wrap(footer));
        int crcAt = SortedFileDescriptor.footerCrcPosition();
        if (Bytes.getInt(footer, crcAt) != Bytes.crc32c(footer, 0, crcAt)
                || Bytes.getLong(footer, 0) != SortedFileDescriptor.MAGIC) {
            throw Bytes.corrupted("footer", name, footerOffset);
        }
        int version = Bytes.getInt(footer, 8);
        if (version != SortedFileDescriptor.VERSION) {
            throw new ShaleException(ErrorCode.DATA_CORRUPTED, "sorted file \"" + name
                    + "\" has format version " + version + ", expected " + SortedFileDescriptor.VERSION);
        }
        long[] offsets = new long[SortedFileDescriptor.SECTION_COUNT];
        ByteSource[] sections = new ByteSource[SortedFileDescriptor.SECTION_COUNT];
        long previousEnd = -1;
        for (int s = 0; s < SortedFileDescriptor.SECTION_COUNT; s++) {
            int at = SortedFileDescriptor.footerSectionPosition(s);
            long offset = Bytes.getLong(footer, at);
            int length = Bytes.getInt(footer, at + 8);
            if (offset < 0 || length < 4 || offset + length > footerOffset
                    || (previousEnd >= 0 && offset != previousEnd)) {
                throw Bytes.corrupted("footer", name, footerOffset);
            }
            previousEnd = offset + length;
            offsets[s] = offset;
            sections[s] = section(file, offset, length, SortedFileDescriptor.sectionName(s));
        }
        if (previousEnd != footerOffset) {
            throw Bytes.corrupted("footer", name, footerOffset);
        }
        BloomFilter bloom = BloomFilter.readFrom(sections[SortedFileDescriptor.BLOOM]);
        SortedFileIndex index = SortedFileIndex.readFrom(sections[SortedFileDescriptor.INDEX],
                offsets[SortedFileDescriptor.BLOOM], name, offsets[SortedFileDescriptor.INDEX]);
        ByteSource prefixSource = sections[SortedFileDescriptor.PREFIXES];
        int prefixCount = prefixSource.readCount(16);
        long[] prefixes = new long[prefixCount];
        long[] prefixBytes = new long[prefixCount];
        for (int i = 0; i < prefixCount; i++) {
            prefixes[i] = prefixSource.readLong();
            prefixBytes[i] = prefixSource.readLong();
        }
        ByteSource properties = sections[SortedFileDescriptor.PROPERTIES];
        long entryCount = properties.readLong();
        long minTimestamp = properties.readLong();
        long maxTimestamp = properties.readLong();
        int restartInterval = properties.readInt();
        if (restartInterval < 1) {
            throw Bytes.corrupted("properties", name, offsets[SortedFileDescriptor.PROPERTIES]);
        }
        byte[] smallest = properties.readKey();
        byte[] largest = properties.readKey();
        SortedFileInfo info = new SortedFileInfo(name, size, entryCount, smallest, largest, minTimestamp, maxTimestamp);
        return new SortedFileMetadata(info, restartInterval, index, bloom, prefixes, prefixBytes);
    }

    private static ByteSource section(StorageFile file, long offset, int length, String what) {
        byte[] data = new byte[length];
        file.readFully(offset, ByteBuffer.wrap(data));
        if (Bytes.getInt(data, length - 4) != Bytes.crc32c(data, 0, length - 4)) {
            throw Bytes.corrupted(what, file.name(), offset);
        }
        return new ByteSource(data, length - 4, what, file.name(), offset);
    }

    /** Whole 8-byte prefixes inside [from, to) from the prefix table; the partly covered ones from the block index. */
    long sizeOf(byte[] from, byte[] to) {
        long total = 0;
        for (int i = 0; i < prefixes.length; i++) {
            byte[] start = Bytes.prefixKey(prefixes[i]);
            byte[] end = prefixes[i] == -1L ? null : Bytes.prefixKey(prefixes[i] + 1);
            if (to != null && Arrays.compareUnsigned(start, to) >= 0) {
                break;
            }
            if (from != null && end != null && Arrays.compareUnsigned(end, from) <= 0) {
                continue;
            }
            boolean whole = (from == null || Arrays.compareUnsigned(from, start) <= 0)
                    && (to == null || (end != null && Arrays.compareUnsigned(end, to) <= 0));
            if (whole) {
                total += prefixBytes[i];
            } else {
                byte[] low = from == null || Arrays.compareUnsigned(from, start) < 0 ? start : from;
                byte[] high = to == null || (end != null && Arrays.compareUnsigned(end, to) < 0) ? end : to;
                total += Math.min(prefixBytes[i], index.estimate(low, high));
            }
        }
        return total;
    }
}
