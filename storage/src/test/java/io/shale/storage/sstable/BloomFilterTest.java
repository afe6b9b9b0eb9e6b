package io.shale.storage.sstable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bloom filter has no false negatives and about 1% false positives at 10 bits per key. */
@Timeout(30)
class BloomFilterTest {

    private static byte[] key(long table, long row) {
        byte[] key = new byte[17];
        Bytes.putLong(key, 0, table);
        Bytes.putLong(key, 9, row);
        return key;
    }

    @Test
    void falsePositiveRateAtTenBitsPerKeyIsAboutOnePercent() {
        long seed = System.nanoTime();
        System.out.println("BloomFilterTest seed " + seed);
        Random random = new Random(seed);
        int count = 20_000;
        long[] hashes = new long[count];
        long base = random.nextLong();
        for (int i = 0; i < count; i++) {
            hashes[i] = BloomFilter.hash(key(7, base + 2L * i));
        }
        BloomFilter filter = BloomFilter.build(hashes, count, 10);
        for (int i = 0; i < count; i++) {
            assertThat(filter.mightContain(key(7, base + 2L * i))).isTrue();
        }
        int falsePositives = 0;
        int probes = 100_000;
        for (int i = 0; i < probes; i++) {
            if (filter.mightContain(key(7, base + 2L * random.nextInt(count * 4) + 1))) {
                falsePositives++;
            }
        }
        double rate = (double) falsePositives / probes;
        System.out.println("BloomFilterTest false positive rate " + rate);
        assertThat(rate).isLessThan(0.02);
    }

    @Test
    void aFileRulesOutAbsentKeysThroughItsFilter() {
        EntryModel model = EntryModel.random(new Random(5), 2000);
        try (SortedFile file = SortedFile.open(model.write("bloom.sst", SortedFileOptions.defaults()), new BlockCache(0))) {
            for (byte[] key : model.versions.keySet()) {
                assertThat(file.mightContain(key)).isTrue();
            }
            int maybe = 0;
            for (int i = 0; i < 10_000; i++) {
                byte[] absent = key(99, i);
                if (file.mightContain(absent)) {
                    maybe++;
                }
            }
            assertThat(maybe).isLessThan(300);
        }
    }

    @Test
    void zeroBitsPerKeyMeansNoFilter() {
        BloomFilter filter = BloomFilter.build(new long[0], 0, 0);
        assertThat(filter.mightContain(key(1, 1))).isTrue();
    }
}
