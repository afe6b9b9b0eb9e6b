package io.shale.storage.sstable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * The reference model of a sorted file: a TreeMap from key to its versions (timestamp →
 * value, null = tombstone), with the queries a sorted file answers, plus random entry sets.
 */
final class EntryModel {
    static final Comparator<byte[]> KEYS = Arrays::compareUnsigned;
    static final Comparator<Entry> FILE_ORDER = Comparator.comparing(Entry::key, KEYS)
            .thenComparing(Comparator.comparingLong(Entry::timestamp).reversed());

    final TreeMap<byte[], TreeMap<Long, byte[]>> versions = new TreeMap<>(KEYS);

    void add(byte[] key, long timestamp, byte[] value) {
        versions.computeIfAbsent(key, k -> new TreeMap<>(Comparator.reverseOrder())).put(timestamp, value);
    }

    /** Every entry in file order. */
    List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        versions.forEach((key, chain) -> chain.forEach((ts, value) -> all.add(new Entry(key, ts, value))));
        return all;
    }

    Entry get(byte[] key, long snapshot) {
        TreeMap<Long, byte[]> chain = versions.get(key);
        if (chain == null) {
            return null;
        }
        var found = chain.ceilingEntry(snapshot);
        return found == null ? null : new Entry(key, found.getKey(), found.getValue());
    }

    List<Entry> range(byte[] from, byte[] to, boolean descending) {
        List<Entry> result = new ArrayList<>();
        var keys = versions.navigableKeySet();
        var selected = from == null ? keys : keys.tailSet(from, true);
        if (to != null) {
            selected = selected.headSet(to, false);
        }
        for (byte[] key : descending ? selected.descendingSet() : selected) {
            versions.get(key).forEach((ts, value) -> result.add(new Entry(key, ts, value)));
        }
        return result;
    }

    /** A random model: keys sharing prefixes over a small alphabet, 1..4 versions, some tombstones. */
    static EntryModel random(Random random, int keyCount) {
        EntryModel model = new EntryModel();
        for (int i = 0; i < keyCount; i++) {
            byte[] key = randomKey(random);
            int versionCount = 1 + random.nextInt(4);
            for (int v = 0; v < versionCount; v++) {
                model.add(key, 1 + random.nextInt(1000), randomValue(random));
            }
        }
        return model;
    }

    static byte[] randomKey(Random random) {
        byte[] alphabet = {0, 1, 2, 'a', 'b', (byte) 0x7F, (byte) 0x80, (byte) 0xFF};
        int prefix = random.nextInt(3);
        byte[] key = new byte[random.nextInt(3) == 0 ? random.nextInt(4) : 8 + random.nextInt(12)];
        for (int i = 0; i < key.length; i++) {
            key[i] = i < 7 ? (byte) (i == 6 ? prefix : 0) : alphabet[random.nextInt(alphabet.length)];
        }
        return key;
    }

    static byte[] randomValue(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return null;
        }
        byte[] value = new byte[kind == 1 ? random.nextInt(3000) : random.nextInt(40)];
        random.nextBytes(value);
        return value;
    }

    /** Writes the model to a new file and returns the file. */
    TestFile write(String name, SortedFileOptions options) {
        TestFile file = new TestFile(name);
        SortedFileWriter writer = new SortedFileWriter(file, options);
        for (Entry entry : entries()) {
            writer.add(entry.key(), entry.timestamp(), entry.value());
        }
        writer.finish();
        return file;
    }

    static List<Entry> drain(EntryIterator iterator) {
        List<Entry> result = new ArrayList<>();
        while (iterator.next()) {
            result.add(new Entry(iterator.key(), iterator.timestamp(), iterator.value()));
        }
        return result;
    }

    /** Entries as comparable strings (records of arrays compare by identity). */
    static List<String> text(List<Entry> entries) {
        List<String> result = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            result.add(text(entry));
        }
        return result;
    }

    static String text(Entry entry) {
        if (entry == null) {
            return "none";
        }
        return Arrays.toString(entry.key()) + "@" + entry.timestamp() + "="
                + (entry.value() == null ? "tombstone" : Arrays.toString(entry.value()));
    }
}
