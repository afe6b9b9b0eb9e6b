package io.shale.storage.sstable;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random entry sets written to a sorted file answer point reads and range iterators exactly as
 * the TreeMap model does. Each try draws a seed (printed by jqwik when a try fails) that drives
 * the whole run.
 */
class SortedFileProperties {

    private static SortedFileOptions randomOptions(Random random) {
        return new SortedFileOptions(64 + random.nextInt(2048), random.nextInt(12), 1 + random.nextInt(20), false);
    }

    @Property(tries = 40)
    void getAtRandomSnapshotsMatchesTheModel(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int keys) {
        Random random = new Random(seed);
        EntryModel model = EntryModel.random(random, keys);
        try (SortedFile file = SortedFile.open(model.write("get.sst", randomOptions(random)),
                new BlockCache(random.nextInt(3) == 0 ? 0 : 1 << 20))) {
            List<byte[]> probes = new ArrayList<>(model.versions.keySet());
            for (int i = 0; i < 50; i++) {
                probes.add(EntryModel.randomKey(random));
            }
            for (byte[] key : probes) {
                for (int i = 0; i < 4; i++) {
                    long snapshot = random.nextInt(1100);
                    assertThat(EntryModel.text(file.get(key, snapshot)))
                            .as("get at %d (seed %d)", snapshot, seed)
                            .isEqualTo(EntryModel.text(model.get(key, snapshot)));
                }
                assertThat(EntryModel.text(file.get(key, Long.MAX_VALUE)))
                        .isEqualTo(EntryModel.text(model.get(key, Long.MAX_VALUE)));
            }
        }
    }

    @Property(tries = 40)
    void iteratorsInBothDirectionsMatchTheModel(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int keys) {
        Random random = new Random(seed);
        EntryModel model = EntryModel.random(random, keys);
        try (SortedFile file = SortedFile.open(model.write("scan.sst", randomOptions(random)), new BlockCache(1 << 20))) {
            List<byte[]> known = new ArrayList<>(model.versions.keySet());
            for (int i = 0; i < 20; i++) {
                byte[] from = bound(random, known);
                byte[] to = bound(random, known);
                boolean descending = random.nextBoolean();
                List<Entry> expected = from != null && to != null && EntryModel.KEYS.compare(from, to) >= 0
                        ? List.of() : model.range(from, to, descending);
                assertThat(EntryModel.text(EntryModel.drain(file.iterator(from, to, descending))))
                        .as("scan (seed %d)", seed)
                        .containsExactlyElementsOf(EntryModel.text(expected));
            }
        }
    }

    /** Null (unbounded), a key of the file, or a random key. */
    private static byte[] bound(Random random, List<byte[]> known) {
        int kind = random.nextInt(4);
        if (kind == 0) {
            return null;
        }
        if (kind == 1 && !known.isEmpty()) {
            return known.get(random.nextInt(known.size()));
        }
        return EntryModel.randomKey(random);
    }
}
