package io.shale.storage.sstable;

import io.shale.storage.file.StorageFile;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compaction against the model: every snapshot at or after the horizon sees the same thing
 * before and after, destroyed ranges vanish, bottom-level tombstones at or below the horizon
 * vanish, and outputs are split between keys in ascending, disjoint files. Each try's seed is
 * printed by jqwik when it fails.
 */
class CompactionProperties {

    @Property(tries = 80)
    void compactionKeepsWhatSnapshotsAtOrAfterTheHorizonSee(@ForAll long seed,
                                                            @ForAll @IntRange(min = 0, max = 300) int keys) {
        Random random = new Random(seed);
        EntryModel model = EntryModel.random(random, keys);
        int inputCount = 1 + random.nextInt(4);
        EntryModel[] parts = new EntryModel[inputCount];
        for (int i = 0; i < inputCount; i++) {
            parts[i] = new EntryModel();
        }
        for (Entry entry : model.entries()) {
            parts[random.nextInt(inputCount)].add(entry.key(), entry.timestamp(), entry.value());
            if (random.nextInt(10) == 0) {
                parts[random.nextInt(inputCount)].add(entry.key(), entry.timestamp(), entry.value());
            }
        }
        long horizon = random.nextInt(1100);
        boolean bottom = random.nextBoolean();
        RangeSet dropped = RangeSet.empty();
        for (int i = random.nextInt(3); i > 0; i--) {
            dropped = dropped.with(random.nextInt(4) == 0 ? null : EntryModel.randomKey(random),
                    random.nextInt(4) == 0 ? null : EntryModel.randomKey(random));
        }
        BlockCache cache = new BlockCache(1 << 20);
        List<SortedFile> inputs = new ArrayList<>();
        for (int i = 0; i < inputCount; i++) {
            inputs.add(SortedFile.open(parts[i].write("in" + i + ".sst", SortedFileOptions.defaults().withBlockSize(512)), cache));
        }
        Map<String, TestFile> created = new TreeMap<>();
        OutputFiles out = new OutputFiles() {
            @Override
            public StorageFile create() {
                TestFile file = new TestFile("out" + created.size() + ".sst");
                created.put(file.name(), file);
                return file;
            }

            @Override
            public SortedFileOptions options() {
                return SortedFileOptions.defaults().withBlockSize(256);
            }
        };
        long target = 512 + random.nextInt(8192);
        List<SortedFileInfo> infos = Compaction.merge(inputs, horizon, bottom, dropped, out, target);

        assertThat(infos).hasSize(created.size());
        List<SortedFile> outputs = new ArrayList<>();
        List<Entry> written = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            TestFile file = created.get(infos.get(i).name());
            assertThat(file.closed()).isTrue();
            assertThat(file.syncs()).isEqualTo(1);
            if (i > 0) {
                assertThat(Arrays.compareUnsigned(infos.get(i - 1).largestKey(), infos.get(i).smallestKey())).isNegative();
            }
            SortedFile output = SortedFile.open(file, cache);
            outputs.add(output);
            written.addAll(EntryModel.drain(output.iterator(null, null, false)));
        }
        assertThat(EntryModel.text(written)).containsExactlyElementsOf(EntryModel.text(expected(model, horizon, bottom, dropped)));

        for (byte[] key : model.versions.keySet()) {
            for (int i = 0; i < 3; i++) {
                long snapshot = i == 0 ? Long.MAX_VALUE : horizon + random.nextInt(1100);
                Entry before = model.get(key, snapshot);
                Entry after = get(outputs, key, snapshot);
                if (dropped.contains(key)) {
                    assertThat(after).isNull();
                } else if (bottom && before != null && before.isTombstone()) {
                    assertThat(after == null || after.isTombstone()).isTrue();
                } else {
                    assertThat(EntryModel.text(after)).isEqualTo(EntryModel.text(before));
                }
            }
        }
        for (SortedFile file : inputs) {
            file.close();
        }
        for (SortedFile file : outputs) {
            file.close();
        }
    }

    private static Entry get(List<SortedFile> files, byte[] key, long snapshot) {
        for (SortedFile file : files) {
            Entry entry = file.get(key, snapshot);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /** The horizon rules written out over the model. */
    private static List<Entry> expected(EntryModel model, long horizon, boolean bottom, RangeSet dropped) {
        List<Entry> result = new ArrayList<>();
        model.versions.forEach((key, chain) -> {
            if (dropped.contains(key)) {
                return;
            }
            boolean belowSeen = false;
            for (var version : chain.entrySet()) {
                long timestamp = version.getKey();
                if (timestamp <= horizon) {
                    if (belowSeen) {
                        continue;
                    }
                    belowSeen = true;
                    if (bottom && version.getValue() == null) {
                        continue;
                    }
                }
                result.add(new Entry(key, timestamp, version.getValue()));
            }
        });
        return result;
    }
}
