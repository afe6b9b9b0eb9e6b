package io.shale.storage.sstable;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.StorageFile;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An open, immutable sorted file (layout in {@link SortedFileDescriptor}): point reads at a
 * snapshot timestamp, range iterators in both directions and size estimates. The footer and the
 * metadata sections are read and checked at {@link #open}; data blocks are read on demand with
 * positional reads and kept in the shared {@link BlockCache}. A checksum or structure failure
 * raises DATA_CORRUPTED naming the file and offset. Thread-safe: any number of threads may read
 * at once; iterators belong to one thread each.
 */
public final class SortedFile implements AutoCloseable {
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.fastestInstance().safeDecompressor();

    private final StorageFile file;
    private final BlockCache cache;
    private final long fileId;
    private final String name;
    private final SortedFileIndex index;
    private final BloomFilter bloom;
    private final SortedFileMetadata metadata;
    private volatile boolean closed;

    private SortedFile(StorageFile file, BlockCache cache, SortedFileMetadata metadata) {
        this.file = file;
        this.cache = cache;
        this.fileId = cache.newFileId();
        this.name = file.name();
        this.index = metadata.index();
        this.bloom = metadata.bloom();
        this.metadata = metadata;
    }

    /** Opens a finished file, checking its footer, format version and metadata sections. */
    public static SortedFile open(StorageFile file, BlockCache cache) {
        return new SortedFile(file, cache, SortedFileMetadata.read(file));
    }

    public String name() {
        return name;
    }

    public SortedFileInfo info() {
        return metadata.info();
    }

    /** The newest entry of {@code key} with a timestamp at or before {@code snapshotTs} (maybe a tombstone), or null. */
    public Entry get(byte[] key, long snapshotTs) {
        if (!bloom.mightContain(key)) {
            return null;
        }
        int blockIndex = index.find(key, snapshotTs);
        if (blockIndex == index.count()) {
            return null;
        }
        Block block = block(blockIndex);
        EntryView view = new EntryView();
        int entry = block.find(key, snapshotTs, view);
        if (entry == block.count) {
            return null;
        }
        view.load(block, entry);
        return view.keyEquals(key) ? new Entry(key, view.timestamp, view.copyValue()) : null;
    }

    /** True unless the bloom filter rules the key out. */
    public boolean mightContain(byte[] key) {
        return bloom.mightContain(key);
    }

    /**
     * Every version of the keys in {@code [fromKey, toKey)} ({@code null} = unbounded): keys
     * ascending or descending, the versions of one key newest first either way.
     */
    public EntryIterator iterator(byte[] fromKey, byte[] toKey, boolean descending) {
        return iterator(fromKey, toKey, descending, true);
    }

    /**
     * As {@link #iterator(byte[], byte[], boolean)}; with {@code fillCache} false the blocks it
     * reads are not added to the cache (compaction, scans larger than the cache), though cached
     * ones are used.
     */
    public EntryIterator iterator(byte[] fromKey, byte[] toKey, boolean descending, boolean fillCache) {
        if (fromKey != null && toKey != null && Arrays.compareUnsigned(fromKey, toKey) >= 0) {
            return EmptyIterator.INSTANCE;
        }
        return descending ? new DescendingFileIterator(this, fromKey, toKey, fillCache)
                : new AscendingFileIterator(this, fromKey, toKey, fillCache);
    }

    /** Estimated bytes of the file's entries in {@code [from, to)} ({@code null} = unbounded). */
    public long sizeOf(byte[] from, byte[] to) {
        return metadata.sizeOf(from, to);
    }

    /** Bytes per 8-byte key prefix (big-endian, zero-padded), ascending as unsigned; adds up to the data blocks' size. */
    public Map<Long, Long> prefixSizes() {
        long[] prefixes = metadata.prefixes();
        long[] bytes = metadata.prefixBytes();
        Map<Long, Long> sizes = new LinkedHashMap<>();
        for (int i = 0; i < prefixes.length; i++) {
            sizes.put(prefixes[i], bytes[i]);
        }
        return Collections.unmodifiableMap(sizes);
    }

    SortedFileIndex index() {
        return index;
    }

    /** The decompressed block {@code blockIndex}, from the cache or read, checked and cached. */
    Block block(int blockIndex) {
        return block(blockIndex, true);
    }

    /** The decompressed block {@code blockIndex}, from the cache or read and checked; cached if {@code fill}. */
    Block block(int blockIndex, boolean fill) {
        if (closed) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "sorted file \"" + name + "\" is closed");
        }
        long offset = index.offset(blockIndex);
        Block cached = cache.get(fileId, offset);
        if (cached != null) {
            return cached;
        }
        int length = index.length(blockIndex);
        if (length < SortedFileDescriptor.BLOCK_TRAILER_LENGTH) {
            throw Bytes.corrupted("block", name, offset);
        }
        byte[] stored = new byte[length];
        file.readFully(offset, ByteBuffer.wrap(stored));
        Block block = Block.decode(decompress(stored, offset), metadata.restartInterval());
        if (block == null) {
            throw Bytes.corrupted("block", name, offset);
        }
        if (fill) {
            cache.put(fileId, offset, block);
        }
        return block;
    }

    private byte[] decompress(byte[] stored, long offset) {
        int payload = stored.length - SortedFileDescriptor.BLOCK_TRAILER_LENGTH;
        if (Bytes.getInt(stored, payload + 5) != Bytes.crc32c(stored, 0, payload + 5)) {
            throw Bytes.corrupted("block", name, offset);
        }
        byte type = stored[payload];
        int rawLength = Bytes.getInt(stored, payload + 1);
        if (rawLength < 4 || rawLength > (1 << 30)) {
            throw Bytes.corrupted("block", name, offset);
        }
        if (type == SortedFileDescriptor.BLOCK_RAW && rawLength == payload) {
            return Arrays.copyOf(stored, payload);
        }
        if (type != SortedFileDescriptor.BLOCK_LZ4) {
            throw Bytes.corrupted("block", name, offset);
        }
        byte[] raw = new byte[rawLength];
        try {
            if (DECOMPRESSOR.decompress(stored, 0, payload, raw, 0, rawLength) != rawLength) {
                throw Bytes.corrupted("block", name, offset);
            }
        } catch (LZ4Exception | ArrayIndexOutOfBoundsException e) {
            throw Bytes.corrupted("block", name, offset);
        }
        return raw;
    }

    /** Drops this file's cached blocks and closes the underlying file; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cache.evictFile(fileId);
            file.close();
        }
    }

    @Override
    public String toString() {
        return "SortedFile[" + name + "]";
    }
}
