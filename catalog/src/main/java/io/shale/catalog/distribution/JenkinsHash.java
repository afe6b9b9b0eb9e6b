package io.shale.catalog.distribution;

/**
 * Bob Jenkins' lookup3 hash in the variant PostgreSQL uses ({@code hash_bytes},
 * {@code hash_bytes_uint32}) on a little-endian build, written from the description in
 * {@code reference/citus.md} §3.2. Java's wrapping {@code int} arithmetic is the unsigned 32-bit
 * arithmetic of the description; results are the final {@code c} as a signed int.
 */
public final class JenkinsHash {
    /** 0x9E3779B9 + 3923095: the seed every PostgreSQL hash starts from before adding the length. */
    private static final int SEED = 0x9E3779B9 + 3923095;

    private JenkinsHash() {
    }

    /** {@code hash_bytes_uint32(k)}: the hash of one 32-bit value. */
    public static int hashUint32(int k) {
        int b = SEED + 4;
        int a = b + k;
        int c = b;
        return finish(a, b, c);
    }

    /** {@code hash_bytes} of the whole array. */
    public static int hashBytes(byte[] key) {
        return hashBytes(key, 0, key.length);
    }

    /** {@code hash_bytes} of {@code key[offset .. offset+length-1]}. */
    public static int hashBytes(byte[] key, int offset, int length) {
        int a = SEED + length;
        int b = a;
        int c = a;
        int i = offset;
        int r = length;
        while (r >= 12) {
            a += le32(key, i);
            b += le32(key, i + 4);
            c += le32(key, i + 8);
            // mix(a, b, c)
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            i += 12;
            r -= 12;
        }
        // Tail: bytes 0..3 go to a, 4..7 to b, 8..10 to the upper three bytes of c.
        if (r >= 11) c += (key[i + 10] & 0xFF) << 24;
        if (r >= 10) c += (key[i + 9] & 0xFF) << 16;
        if (r >= 9) c += (key[i + 8] & 0xFF) << 8;
        if (r >= 8) b += (key[i + 7] & 0xFF) << 24;
        if (r >= 7) b += (key[i + 6] & 0xFF) << 16;
        if (r >= 6) b += (key[i + 5] & 0xFF) << 8;
        if (r >= 5) b += key[i + 4] & 0xFF;
        if (r >= 4) a += (key[i + 3] & 0xFF) << 24;
        if (r >= 3) a += (key[i + 2] & 0xFF) << 16;
        if (r >= 2) a += (key[i + 1] & 0xFF) << 8;
        if (r >= 1) a += key[i] & 0xFF;
        return finish(a, b, c);
    }

    /** {@code hash_bytes} of 8 bytes given as two little-endian words (no allocation). */
    static int hashEightBytes(int low, int high) {
        int a = SEED + 8 + low;
        int b = SEED + 8 + high;
        return finish(a, b, SEED + 8);
    }

    private static int le32(byte[] key, int i) {
        return (key[i] & 0xFF) | (key[i + 1] & 0xFF) << 8 | (key[i + 2] & 0xFF) << 16 | (key[i + 3] & 0xFF) << 24;
    }

    private static int finish(int a, int b, int c) {
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }
}
