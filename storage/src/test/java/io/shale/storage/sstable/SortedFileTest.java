package io.shale.storage.sstable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class SortedFileTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tableKey(long table, int row) {
        byte[] key = new byte[12];
        Bytes.putLong(key, 0, table);
        Bytes.putInt(key, 8, row);
        return key;
    }

    @Test
    void pointReadsSeeTheNewestVersionAtOrBeforeTheSnapshot() {
        TestFile storage = new TestFile("a.sst");
        SortedFileWriter writer = new SortedFileWriter(storage, SortedFileOptions.defaults());
        writer.add(bytes("apple"), 30, null);
        writer.add(bytes("apple"), 20, bytes("two"));
        writer.add(bytes("apple"), 10, bytes("one"));
        writer.add(bytes("banana"), 15, new byte[0]);
        SortedFileInfo info = writer.finish();
        assertThat(storage.syncs()).isEqualTo(1);
        assertThat(info.entryCount()).isEqualTo(4);
        assertThat(info.smallestKey()).isEqualTo(bytes("apple"));
        assertThat(info.largestKey()).isEqualTo(bytes("banana"));
        assertThat(info.minTimestamp()).isEqualTo(10);
        assertThat(info.maxTimestamp()).isEqualTo(30);
        assertThat(info.size()).isEqualTo(storage.size());
        try (SortedFile file = SortedFile.open(storage, new BlockCache(1 << 20))) {
            assertThat(file.get(bytes("apple"), 9)).isNull();
            assertThat(file.get(bytes("apple"), 10).value()).isEqualTo(bytes("one"));
            assertThat(file.get(bytes("apple"), 29).value()).isEqualTo(bytes("two"));
            assertThat(file.get(bytes("apple"), 30).isTombstone()).isTrue();
            assertThat(file.get(bytes("banana"), 100).value()).isEmpty();
            assertThat(file.get(bytes("cherry"), 100)).isNull();
            assertThat(file.info().entryCount()).isEqualTo(4);
        }
        assertThat(storage.closed()).isTrue();
    }

    @Test
    void anEmptyFileOpensAndAnswersNothing() {
        TestFile storage = new TestFile("empty.sst");
        SortedFileInfo info = new SortedFileWriter(storage, SortedFileOptions.defaults()).finish();
        assertThat(info.entryCount()).isZero();
        try (SortedFile file = SortedFile.open(storage, new BlockCache(0))) {
            assertThat(file.get(bytes("x"), 1)).isNull();
            assertThat(file.iterator(null, null, false).next()).isFalse();
            assertThat(file.iterator(null, null, true).next()).isFalse();
            assertThat(file.prefixSizes()).isEmpty();
            assertThat(file.sizeOf(null, null)).isZero();
        }
    }

    @Test
    void entriesOutOfOrderAreRefused() {
        SortedFileWriter writer = new SortedFileWriter(new TestFile("x.sst"), SortedFileOptions.defaults());
        writer.add(bytes("b"), 5, null);
        assertThatThrownBy(() -> writer.add(bytes("a"), 5, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.add(bytes("b"), 5, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.add(bytes("b"), 6, null)).isInstanceOf(IllegalArgumentException.class);
        writer.add(bytes("b"), 4, null);
    }

    @Test
    void largeValuesAndManyBlocksRoundTrip() {
        Random random = new Random(7);
        EntryModel model = new EntryModel();
        for (int i = 0; i < 2000; i++) {
            byte[] value = new byte[i % 100 == 0 ? 100_000 : random.nextInt(200)];
            random.nextBytes(value);
            model.add(tableKey(1 + i / 700, i), 1000 + i, value);
        }
        try (SortedFile file = SortedFile.open(model.write("big.sst", SortedFileOptions.defaults()), new BlockCache(1 << 16))) {
            assertThat(EntryModel.text(EntryModel.drain(file.iterator(null, null, false))))
                    .containsExactlyElementsOf(EntryModel.text(model.entries()));
            assertThat(EntryModel.text(EntryModel.drain(file.iterator(null, null, true))))
                    .containsExactlyElementsOf(EntryModel.text(model.range(null, null, true)));
            for (int i = 0; i < 2000; i += 37) {
                assertThat(EntryModel.text(file.get(tableKey(1 + i / 700, i), Long.MAX_VALUE)))
                        .isEqualTo(EntryModel.text(model.get(tableKey(1 + i / 700, i), Long.MAX_VALUE)));
            }
        }
    }

    @Test
    void prefixSizesAddUpToTheDataAndSizeRangesOfTables() {
        EntryModel model = new EntryModel();
        for (int i = 0; i < 3000; i++) {
            model.add(tableKey(i < 1000 ? 5 : 9, i), 1, new byte[50 + i % 7]);
        }
        TestFile storage = model.write("sizes.sst", SortedFileOptions.defaults());
        try (SortedFile file = SortedFile.open(storage, new BlockCache(0))) {
            Map<Long, Long> sizes = file.prefixSizes();
            assertThat(sizes.keySet()).containsExactly(5L, 9L);
            long data = sizes.get(5L) + sizes.get(9L);
            assertThat(data).isLessThan(storage.size()).isGreaterThan(storage.size() / 2);
            assertThat(sizes.get(9L)).isBetween(sizes.get(5L) * 3 / 2, sizes.get(5L) * 5 / 2);
            assertThat(file.sizeOf(Bytes.prefixKey(5), Bytes.prefixKey(6))).isEqualTo(sizes.get(5L));
            assertThat(file.sizeOf(Bytes.prefixKey(6), Bytes.prefixKey(10))).isEqualTo(sizes.get(9L));
            assertThat(file.sizeOf(null, null)).isEqualTo(data);
            assertThat(file.sizeOf(Bytes.prefixKey(6), Bytes.prefixKey(9))).isZero();
            long half = file.sizeOf(tableKey(9, 1000), tableKey(9, 2000));
            assertThat(half).isBetween(sizes.get(9L) / 3, sizes.get(9L) * 2 / 3);
        }
    }

    @Test
    void manyThreadsReadAndScanOneFileAtOnce() throws Exception {
        EntryModel model = EntryModel.random(new Random(11), 3000);
        try (SortedFile file = SortedFile.open(model.write("shared.sst", SortedFileOptions.defaults().withBlockSize(512)),
                new BlockCache(8 * 1024))) {
            List<byte[]> keys = List.copyOf(model.versions.keySet());
            Thread[] threads = new Thread[4];
            Throwable[] failure = new Throwable[1];
            for (int t = 0; t < threads.length; t++) {
                long seed = t;
                threads[t] = new Thread(() -> {
                    Random random = new Random(seed);
                    try {
                        for (int i = 0; i < 5000; i++) {
                            byte[] key = keys.get(random.nextInt(keys.size()));
                            long snapshot = random.nextInt(1100);
                            assertThat(file.get(key, snapshot)).isEqualTo(model.get(key, snapshot));
                            if (i % 250 == 0) {
                                byte[] to = keys.get(random.nextInt(keys.size()));
                                boolean descending = random.nextBoolean();
                                assertThat(EntryModel.drain(file.iterator(key, to, descending)))
                                        .isEqualTo(EntryModel.KEYS.compare(key, to) >= 0 ? List.of()
                                                : model.range(key, to, descending));
                            }
                        }
                    } catch (Throwable e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            synchronized (failure) {
                assertThat(failure[0]).isNull();
            }
        }
    }
}
