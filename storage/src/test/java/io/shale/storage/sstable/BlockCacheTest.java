package io.shale.storage.sstable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The block cache is an LRU bounded in bytes, shared safely by threads. */
@Timeout(30)
class BlockCacheTest {

    /** A valid block of one entry whose value has {@code valueLength} bytes. */
    static Block block(int valueLength) {
        ByteSink sink = new ByteSink(valueLength + 32);
        sink.writeVarint(0);
        sink.writeVarint(1);
        sink.writeVarint(valueLength + 1);
        sink.writeLong(1);
        sink.writeByte('k');
        sink.writeBytes(new byte[valueLength], 0, valueLength);
        sink.writeInt(0);
        sink.writeInt(1);
        return Block.decode(java.util.Arrays.copyOf(sink.data(), sink.length()), 16);
    }

    @Test
    void evictsTheLeastRecentlyUsedBlocksWhenOverCapacity() {
        Block block = block(1000);
        long weight = block.weight();
        BlockCache cache = new BlockCache(weight * 48);
        long file = cache.newFileId();
        for (long offset = 0; offset < 1000; offset++) {
            cache.put(file, offset, block);
            assertThat(cache.usedBytes()).isLessThanOrEqualTo(cache.capacityBytes());
        }
        assertThat(cache.get(file, 999)).isSameAs(block);
        assertThat(cache.get(file, 0)).isNull();
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void recentlyReadBlocksSurvive() {
        Block block = block(1000);
        BlockCache cache = new BlockCache(block.weight() * 32);
        long file = cache.newFileId();
        for (long offset = 0; offset < 200; offset++) {
            cache.put(file, offset, block);
            assertThat(cache.get(file, 0)).as("offset 0 after %d", offset).isSameAs(block);
        }
    }

    @Test
    void closingAFileDropsItsBlocksAndZeroCapacityCachesNothing() {
        BlockCache cache = new BlockCache(1 << 20);
        long first = cache.newFileId();
        long second = cache.newFileId();
        cache.put(first, 0, block(10));
        cache.put(second, 0, block(10));
        cache.evictFile(first);
        assertThat(cache.get(first, 0)).isNull();
        assertThat(cache.get(second, 0)).isNotNull();
        BlockCache none = new BlockCache(0);
        none.put(none.newFileId(), 0, block(10));
        assertThat(none.usedBytes()).isZero();
    }

    @Test
    void threadsShareTheCache() throws Exception {
        Block[] blocks = new Block[64];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = block(100_000 + i);
        }
        BlockCache cache = new BlockCache(4 << 20);
        long file = cache.newFileId();
        Thread[] threads = new Thread[4];
        boolean[] wrong = new boolean[1];
        for (int t = 0; t < threads.length; t++) {
            long seed = t;
            threads[t] = new Thread(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < 100_000; i++) {
                    int which = random.nextInt(blocks.length);
                    Block found = cache.get(file, which);
                    if (found == null) {
                        cache.put(file, which, blocks[which]);
                    } else if (found != blocks[which]) {
                        synchronized (wrong) {
                            wrong[0] = true;
                        }
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        synchronized (wrong) {
            assertThat(wrong[0]).isFalse();
        }
        assertThat(cache.usedBytes()).isLessThanOrEqualTo(cache.capacityBytes());
        assertThat(cache.hits() + cache.misses()).isEqualTo(400_000);
    }
}
