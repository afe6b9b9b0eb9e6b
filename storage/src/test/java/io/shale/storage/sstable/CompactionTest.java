package io.shale.storage.sstable;

import io.shale.storage.file.StorageFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class CompactionTest {

    private static final class Outputs implements OutputFiles {
        final List<TestFile> files = new ArrayList<>();

        @Override
        public StorageFile create() {
            TestFile file = new TestFile("out" + files.size() + ".sst");
            files.add(file);
            return file;
        }
    }

    private static byte[] key(int row) {
        byte[] key = new byte[12];
        Bytes.putLong(key, 0, 42);
        Bytes.putInt(key, 8, row);
        return key;
    }

    private static SortedFile input(String name, int versionBase, BlockCache cache) {
        EntryModel model = new EntryModel();
        for (int row = 0; row < 10_000; row++) {
            model.add(key(row), versionBase + row % 3, new byte[40 + row % 20]);
        }
        return SortedFile.open(model.write(name, SortedFileOptions.defaults()), cache);
    }

    @Test
    void outputsAreSplitBetweenKeysNearTheTargetSize() {
        BlockCache cache = new BlockCache(0);
        List<SortedFile> inputs = List.of(input("a.sst", 100, cache), input("b.sst", 200, cache));
        Outputs outputs = new Outputs();
        long target = 64 * 1024;
        List<SortedFileInfo> infos = Compaction.merge(inputs, 0, false, RangeSet.empty(), outputs, target);
        assertThat(infos.size()).isGreaterThan(2);
        long entries = 0;
        for (int i = 0; i < infos.size(); i++) {
            SortedFileInfo info = infos.get(i);
            entries += info.entryCount();
            if (i < infos.size() - 1) {
                assertThat(info.size()).isBetween(target / 2, target + 2 * 16 * 1024);
                assertThat(Arrays.compareUnsigned(info.largestKey(), infos.get(i + 1).smallestKey())).isNegative();
            }
        }
        assertThat(entries).isEqualTo(20_000);
    }

    @Test
    void theHorizonKeepsOneVersionPerKeyAndCompactionDoesNotFillTheCache() {
        BlockCache cache = new BlockCache(64L << 20);
        List<SortedFile> inputs = List.of(input("a.sst", 100, cache), input("b.sst", 200, cache));
        Outputs outputs = new Outputs();
        List<SortedFileInfo> infos = Compaction.merge(inputs, Long.MAX_VALUE, true, RangeSet.empty(), outputs,
                Long.MAX_VALUE);
        assertThat(cache.usedBytes()).isZero();
        assertThat(infos).hasSize(1);
        assertThat(infos.get(0).entryCount()).isEqualTo(10_000);
        assertThat(infos.get(0).minTimestamp()).isEqualTo(200);
        assertThat(infos.get(0).maxTimestamp()).isEqualTo(202);
    }

    @Test
    void droppingEverythingWritesNoFile() {
        BlockCache cache = new BlockCache(0);
        Outputs outputs = new Outputs();
        List<SortedFileInfo> infos = Compaction.merge(List.of(input("a.sst", 1, cache)), 0, false,
                RangeSet.of(Bytes.prefixKey(42), Bytes.prefixKey(43)), outputs, 1 << 20);
        assertThat(infos).isEmpty();
        assertThat(outputs.files).isEmpty();
    }
}
