package io.shale.storage.lsm;

import java.util.Arrays;

/**
 * A key as a hash-map key of the version store: compared by content, hash computed once. Does
 * not copy the bytes: the store keys its map by the chain's own copy, and a look-up key lives
 * only for the look-up.
 *
 * <p>Store keys share long prefixes and differ in a few trailing bytes, which {@link
 * Arrays#hashCode(byte[])} spreads badly (hash bins degrade into trees); the hash here is 64-bit
 * FNV-1a with a final avalanche. Comparable, so that a bin that still collides stays a fast tree.
 */
final class ChainKey implements Comparable<ChainKey> {
    private final byte[] bytes;
    private final int hash;

    ChainKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = hash(bytes);
    }

    static int hash(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainKey that && hash == that.hash && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(ChainKey other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }
}
