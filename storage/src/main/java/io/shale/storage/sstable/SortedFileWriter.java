package io.shale.storage.sstable;

import io.shale.storage.file.StorageFile;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Writes one sorted file (layout in {@link SortedFileDescriptor}) from entries added in file
 * order: key ascending (unsigned bytes), then timestamp descending, each (key, timestamp) once.
 * Data blocks are written as they fill; {@link #finish()} writes the bloom filter, block index,
 * prefix table, properties and footer, then syncs (unless the options say not to). The writer
 * writes into an empty file and does not close it. Not thread-safe.
 */
public final class SortedFileWriter {
    private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();

    private final StorageFile file;
    private final SortedFileOptions options;
    private final ByteSink block;
    private final ByteSink index = new ByteSink(1024);
    private final PrefixTableBuilder prefixes = new PrefixTableBuilder();
    private int[] blockOffsets = new int[256];
    private int blockEntries;
    private int blockCount;
    private byte[] restartKey = new byte[0];
    private byte[] lastKey = new byte[64];
    private int lastKeyLength = -1;
    private long lastTimestamp;
    private byte[] smallestKey;
    private long entryCount;
    private long minTimestamp = Long.MAX_VALUE;
    private long maxTimestamp = Long.MIN_VALUE;
    private long[] keyHashes = new long[1024];
    private int keyCount;
    private byte[] output = new byte[0];
    private long position;
    private boolean finished;

    public SortedFileWriter(StorageFile file, SortedFileOptions options) {
        this.file = file;
        this.options = options;
        if (file.size() != 0) {
            throw new IllegalArgumentException("a sorted file is written into an empty file");
        }
        this.block = new ByteSink(options.blockSize() + options.blockSize() / 4);
    }

    /** Adds one entry ({@code value == null} for a tombstone); keys and values are copied. */
    public void add(byte[] key, long timestamp, byte[] value) {
        if (finished) {
            throw new IllegalStateException("sorted file writer is finished");
        }
        boolean newKey = true;
        if (lastKeyLength >= 0) {
            int c = Arrays.compareUnsigned(lastKey, 0, lastKeyLength, key, 0, key.length);
            if (c > 0 || (c == 0 && timestamp >= lastTimestamp)) {
                throw new IllegalArgumentException("entries must be added in key order, timestamps descending");
            }
            newKey = c != 0;
        } else {
            smallestKey = key.clone();
        }
        if (newKey) {
            addKeyHash(BloomFilter.hash(key));
        }
        int start = block.length();
        boolean restart = blockEntries % options.restartInterval() == 0;
        int shared = restart ? 0 : commonPrefix(restartKey, key);
        if (blockEntries == blockOffsets.length) {
            blockOffsets = Arrays.copyOf(blockOffsets, blockEntries * 2);
        }
        blockOffsets[blockEntries++] = start;
        block.writeVarint(shared);
        block.writeVarint(key.length - shared);
        block.writeVarint(value == null ? 0 : value.length + 1);
        block.writeLong(timestamp);
        block.writeBytes(key, shared, key.length - shared);
        if (value != null) {
            block.writeBytes(value, 0, value.length);
        }
        if (restart) {
            restartKey = key.clone();
        }
        prefixes.add(Bytes.prefixOf(key), block.length() - start + 4);
        rememberLast(key, timestamp);
        entryCount++;
        minTimestamp = Math.min(minTimestamp, timestamp);
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        if (block.length() + 4L * blockEntries + 4 >= options.blockSize()) {
            flushBlock();
        }
    }

    /** Bytes written so far plus the open block's raw size: what the file would roughly take now. */
    public long estimatedSize() {
        return position + block.length();
    }

    public long entryCount() {
        return entryCount;
    }

    /** Writes the remaining block and the metadata sections, syncs, and describes the file. */
    public SortedFileInfo finish() {
        if (finished) {
            throw new IllegalStateException("sorted file writer is finished");
        }
        if (blockEntries > 0) {
            flushBlock();
        }
        finished = true;
        long[] sections = new long[SortedFileDescriptor.SECTION_COUNT * 2];
        ByteSink section = new ByteSink(1024);
        BloomFilter.build(keyHashes, keyCount, options.bloomBitsPerKey()).writeTo(section);
        writeSection(section, sections, SortedFileDescriptor.BLOOM);
        section.reset();
        section.writeInt(blockCount);
        section.writeBytes(index.data(), 0, index.length());
        writeSection(section, sections, SortedFileDescriptor.INDEX);
        section.reset();
        prefixes.writeTo(section);
        writeSection(section, sections, SortedFileDescriptor.PREFIXES);
        section.reset();
        byte[] smallest = entryCount == 0 ? new byte[0] : smallestKey;
        byte[] largest = entryCount == 0 ? new byte[0] : Arrays.copyOf(lastKey, lastKeyLength);
        long minTs = entryCount == 0 ? 0 : minTimestamp;
        long maxTs = entryCount == 0 ? 0 : maxTimestamp;
        section.writeLong(entryCount);
        section.writeLong(minTs);
        section.writeLong(maxTs);
        section.writeInt(options.restartInterval());
        section.writeKey(smallest);
        section.writeKey(largest);
        writeSection(section, sections, SortedFileDescriptor.PROPERTIES);
        writeFooter(sections);
        if (options.sync()) {
            file.sync();
        }
        return new SortedFileInfo(file.name(), position, entryCount, smallest.clone(), largest.clone(), minTs, maxTs);
    }

    private void writeFooter(long[] sections) {
        byte[] footer = new byte[SortedFileDescriptor.FOOTER_LENGTH];
        Bytes.putLong(footer, 0, SortedFileDescriptor.MAGIC);
        Bytes.putInt(footer, 8, SortedFileDescriptor.VERSION);
        for (int s = 0; s < SortedFileDescriptor.SECTION_COUNT; s++) {
            int at = SortedFileDescriptor.footerSectionPosition(s);
            Bytes.putLong(footer, at, sections[s * 2]);
            Bytes.putInt(footer, at + 8, (int) sections[s * 2 + 1]);
        }
        int crcAt = SortedFileDescriptor.footerCrcPosition();
        Bytes.putInt(footer, crcAt, Bytes.crc32c(footer, 0, crcAt));
        write(footer, footer.length);
    }

    private void writeSection(ByteSink section, long[] sections, int which) {
        section.writeInt(Bytes.crc32c(section.data(), 0, section.length()));
        sections[which * 2] = position;
        sections[which * 2 + 1] = section.length();
        write(section.data(), section.length());
    }

    private void flushBlock() {
        for (int i = 0; i < blockEntries; i++) {
            block.writeInt(blockOffsets[i]);
        }
        block.writeInt(blockEntries);
        int rawLength = block.length();
        int maxLength = COMPRESSOR.maxCompressedLength(rawLength) + SortedFileDescriptor.BLOCK_TRAILER_LENGTH;
        if (output.length < maxLength) {
            output = new byte[maxLength];
        }
        int payload = COMPRESSOR.compress(block.data(), 0, rawLength, output, 0, output.length);
        byte type = SortedFileDescriptor.BLOCK_LZ4;
        if (payload >= rawLength) {
            System.arraycopy(block.data(), 0, output, 0, rawLength);
            payload = rawLength;
            type = SortedFileDescriptor.BLOCK_RAW;
        }
        output[payload] = type;
        Bytes.putInt(output, payload + 1, rawLength);
        Bytes.putInt(output, payload + 5, Bytes.crc32c(output, 0, payload + 5));
        int length = payload + SortedFileDescriptor.BLOCK_TRAILER_LENGTH;
        index.writeLong(position);
        index.writeInt(length);
        index.writeLong(lastTimestamp);
        index.writeVarint(lastKeyLength);
        index.writeBytes(lastKey, 0, lastKeyLength);
        prefixes.endBlock(length);
        write(output, length);
        blockCount++;
        blockEntries = 0;
        block.reset();
    }

    private void write(byte[] data, int length) {
        file.write(position, ByteBuffer.wrap(data, 0, length));
        position += length;
    }

    private void rememberLast(byte[] key, long timestamp) {
        if (lastKey.length < key.length) {
            lastKey = new byte[Math.max(key.length, lastKey.length * 2)];
        }
        System.arraycopy(key, 0, lastKey, 0, key.length);
        lastKeyLength = key.length;
        lastTimestamp = timestamp;
    }

    private void addKeyHash(long hash) {
        if (keyCount == keyHashes.length) {
            keyHashes = Arrays.copyOf(keyHashes, keyCount * 2);
        }
        keyHashes[keyCount++] = hash;
    }

    private static int commonPrefix(byte[] a, byte[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? a.length : Math.min(mismatch, Math.min(a.length, b.length));
    }
}
