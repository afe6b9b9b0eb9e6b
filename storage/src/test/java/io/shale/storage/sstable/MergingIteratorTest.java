package io.shale.storage.sstable;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The merging iterator interleaves sorted inputs in (key, timestamp descending) order, both ways. */
class MergingIteratorTest {

    /** An iterator over a list of entries already in order. */
    private static final class ListIterator implements EntryIterator {
        private final List<Entry> entries;
        private int position = -1;

        ListIterator(List<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public boolean next() {
            return ++position < entries.size();
        }

        @Override
        public byte[] key() {
            return entries.get(position).key();
        }

        @Override
        public long timestamp() {
            return entries.get(position).timestamp();
        }

        @Override
        public byte[] value() {
            return entries.get(position).value();
        }
    }

    @Property(tries = 100)
    void mergeEqualsSortingEverything(@ForAll long seed) {
        Random random = new Random(seed);
        boolean descending = random.nextBoolean();
        Comparator<Entry> keyOrder = Comparator.comparing(Entry::key, descending ? EntryModel.KEYS.reversed() : EntryModel.KEYS);
        Comparator<Entry> order = keyOrder.thenComparing(Comparator.comparingLong(Entry::timestamp).reversed());
        int inputCount = random.nextInt(6);
        List<EntryIterator> inputs = new ArrayList<>();
        List<Entry> all = new ArrayList<>();
        for (int i = 0; i < inputCount; i++) {
            EntryModel model = EntryModel.random(random, random.nextInt(30));
            List<Entry> entries = model.range(null, null, descending);
            for (Entry entry : entries) {
                all.add(new Entry(entry.key(), entry.timestamp(), new byte[] {(byte) i}));
            }
            List<Entry> tagged = new ArrayList<>();
            for (Entry entry : entries) {
                tagged.add(new Entry(entry.key(), entry.timestamp(), new byte[] {(byte) i}));
            }
            inputs.add(new ListIterator(tagged));
        }
        all.sort(order.thenComparing(entry -> entry.value()[0]));
        MergingIterator merged = new MergingIterator(inputs, descending);
        assertThat(EntryModel.text(EntryModel.drain(merged))).containsExactlyElementsOf(EntryModel.text(all));
        assertThat(merged.next()).isFalse();
    }

    @Test
    void mergesSortedFilesInBothDirections() {
        Random random = new Random(17);
        BlockCache cache = new BlockCache(1 << 20);
        EntryModel whole = EntryModel.random(random, 600);
        EntryModel[] parts = {new EntryModel(), new EntryModel(), new EntryModel()};
        for (Entry entry : whole.entries()) {
            parts[random.nextInt(parts.length)].add(entry.key(), entry.timestamp(), entry.value());
        }
        List<SortedFile> files = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            files.add(SortedFile.open(parts[i].write("m" + i + ".sst", SortedFileOptions.defaults().withBlockSize(300)), cache));
        }
        for (boolean descending : new boolean[] {false, true}) {
            List<EntryIterator> inputs = new ArrayList<>();
            for (SortedFile file : files) {
                inputs.add(file.iterator(null, null, descending));
            }
            assertThat(EntryModel.text(EntryModel.drain(new MergingIterator(inputs, descending))))
                    .containsExactlyElementsOf(EntryModel.text(whole.range(null, null, descending)));
        }
        files.forEach(SortedFile::close);
    }
}
