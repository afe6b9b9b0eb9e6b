package io.shale.storage.sstable;

/**
 * A blocked bloom filter over the distinct user keys of a sorted file: one 64-bit key hash picks
 * a 512-bit block (one cache line), and {@code hashCount} 9-bit slices of a remix of it pick the
 * bits inside, so a probe costs one memory access. An empty filter (no words) answers "maybe"
 * always. Immutable once built; thread-safe.
 */
final class BloomFilter {
    private final long[] words;
    private final int hashCount;

    BloomFilter(long[] words, int hashCount) {
        this.words = words;
        this.hashCount = hashCount;
    }

    /** Builds the filter of the given key hashes at {@code bitsPerKey} bits per key. */
    static BloomFilter build(long[] hashes, int count, int bitsPerKey) {
        if (bitsPerKey == 0) {
            return new BloomFilter(new long[0], 0);
        }
        long bits = Math.max(512L, (long) count * bitsPerKey);
        long blocks = Math.min((Integer.MAX_VALUE - 64) / 8, (bits + 511) / 512);
        long[] words = new long[(int) blocks * 8];
        int hashCount = (int) Math.max(1, Math.min(7, Math.round(bitsPerKey * 0.69)));
        BloomFilter filter = new BloomFilter(words, hashCount);
        for (int i = 0; i < count; i++) {
            filter.add(hashes[i]);
        }
        return filter;
    }

    private void add(long hash) {
        int base = blockStart(hash);
        long bits = Long.rotateLeft(hash, 32) * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < hashCount; i++) {
            int bit = (int) (bits >>> (9 * i)) & 511;
            words[base + (bit >>> 6)] |= 1L << bit;
        }
    }

    /** The first word of the 512-bit block that a hash picks (from its high bits). */
    private int blockStart(long hash) {
        return (int) Math.unsignedMultiplyHigh(hash, words.length >>> 3) << 3;
    }

    boolean mightContain(byte[] key) {
        if (words.length == 0) {
            return true;
        }
        long hash = hash(key);
        int base = blockStart(hash);
        long bits = Long.rotateLeft(hash, 32) * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < hashCount; i++) {
            int bit = (int) (bits >>> (9 * i)) & 511;
            if ((words[base + (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    void writeTo(ByteSink sink) {
        sink.writeByte(hashCount);
        sink.writeInt(words.length);
        for (long word : words) {
            sink.writeLong(word);
        }
    }

    static BloomFilter readFrom(ByteSource source) {
        int hashCount = source.readByte();
        int count = source.readCount(8);
        if (count % 8 != 0 || hashCount > 7) {
            throw source.corrupted();
        }
        long[] words = new long[count];
        for (int i = 0; i < count; i++) {
            words[i] = source.readLong();
        }
        return new BloomFilter(words, hashCount);
    }

    /** A 64-bit hash of the key's bytes (8 bytes at a time, then a final avalanche). */
    static long hash(byte[] key) {
        long h = 0x9E3779B97F4A7C15L ^ (key.length * 0xC2B2AE3D27D4EB4FL);
        int i = 0;
        for (; i + 8 <= key.length; i += 8) {
            h = Long.rotateLeft(h ^ (Bytes.getLong(key, i) * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
        }
        long tail = 0;
        for (; i < key.length; i++) {
            tail = (tail << 8) | (key[i] & 0xFF);
        }
        h = Long.rotateLeft(h ^ (tail * 0x87C37B91114253D5L), 31) * 0x4CF5AD432745937FL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
