package io.shale.storage.sstable;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot view of a file's entries yields what point reads at that snapshot see, key by key. */
class SnapshotIteratorTest {

    @Property(tries = 40)
    void aSnapshotScanAgreesWithPointReads(@ForAll long seed) {
        Random random = new Random(seed);
        EntryModel model = EntryModel.random(random, random.nextInt(300));
        try (SortedFile file = SortedFile.open(model.write("snap.sst", SortedFileOptions.defaults().withBlockSize(400)),
                new BlockCache(1 << 20))) {
            long snapshot = random.nextInt(1100);
            boolean descending = random.nextBoolean();
            boolean keepTombstones = random.nextBoolean();
            List<Entry> expected = new ArrayList<>();
            var keys = descending ? model.versions.descendingKeySet() : model.versions.navigableKeySet();
            for (byte[] key : keys) {
                Entry visible = model.get(key, snapshot);
                if (visible != null && (keepTombstones || !visible.isTombstone())) {
                    expected.add(visible);
                }
            }
            SnapshotIterator iterator = new SnapshotIterator(file.iterator(null, null, descending), snapshot, keepTombstones);
            assertThat(EntryModel.drain(iterator)).as("seed %d", seed).containsExactlyElementsOf(expected);
        }
    }
}
