package io.shale.storage.sstable;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An LRU cache of decompressed data blocks, bounded in bytes and shared by every sorted file of
 * a store. Entries are keyed by (file id, block offset); each {@link SortedFile} gets its id when
 * it opens and drops its blocks when it closes. Thread-safe: the cache is split into up to 16
 * segments (of at least 256 KiB) with a lock each, and a lookup allocates nothing. A capacity
 * of 0 caches nothing.
 */
public final class BlockCache {
    private static final int MAX_SEGMENTS = 16;
    private static final long MIN_SEGMENT_BYTES = 256 * 1024;

    private final long capacityBytes;
    private final BlockCacheSegment[] segments;
    private final AtomicLong nextFileId = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public BlockCache(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("negative block cache capacity: " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
        int count = 1;
        while (count < MAX_SEGMENTS && capacityBytes / (count * 2L) >= MIN_SEGMENT_BYTES) {
            count *= 2;
        }
        this.segments = new BlockCacheSegment[count];
        for (int i = 0; i < count; i++) {
            segments[i] = new BlockCacheSegment(capacityBytes / count);
        }
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    /** The bytes of the blocks cached now (data plus a fixed overhead per block). */
    public long usedBytes() {
        long used = 0;
        for (BlockCacheSegment segment : segments) {
            used += segment.usedBytes();
        }
        return used;
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    long newFileId() {
        return nextFileId.incrementAndGet();
    }

    Block get(long fileId, long offset) {
        Block block = segment(fileId, offset).get(fileId, offset);
        if (block == null) {
            misses.increment();
        } else {
            hits.increment();
        }
        return block;
    }

    void put(long fileId, long offset, Block block) {
        segment(fileId, offset).put(fileId, offset, block);
    }

    /** Drops every block of one file (when the file is closed). */
    void evictFile(long fileId) {
        for (BlockCacheSegment segment : segments) {
            segment.evictFile(fileId);
        }
    }

    private BlockCacheSegment segment(long fileId, long offset) {
        return segments[(BlockCacheSegment.hash(fileId, offset) >>> 8) & (segments.length - 1)];
    }
}
