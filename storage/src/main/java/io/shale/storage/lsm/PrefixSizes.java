package io.shale.storage.lsm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bytes held in memory per key prefix: the first 8 bytes of a key, which the engine uses for a
 * table or shard id (shorter keys are padded with zeros). Each version chain holds its prefix's
 * counter, so that accounting a commit costs no look-up. Thread-safe.
 */
final class PrefixSizes {
    private final ConcurrentHashMap<Long, LongAdder> counters = new ConcurrentHashMap<>();

    /** The counter of the key's prefix. */
    LongAdder counter(byte[] key) {
        return counters.computeIfAbsent(prefix(key), ignored -> new LongAdder());
    }

    /**
     * The bytes of the prefixes that {@code [from, to)} covers: from the prefix of {@code from}
     * up to the prefix of {@code to}, which is included only when {@code to} is longer than a
     * prefix (a range boundary inside it). Exact for whole-prefix ranges.
     */
    long size(byte[] from, byte[] to) {
        long total = 0;
        for (Map.Entry<Long, LongAdder> entry : counters.entrySet()) {
            if (covers(entry.getKey(), from, to)) {
                total += entry.getValue().sum();
            }
        }
        return Math.max(total, 0);
    }

    static boolean covers(long prefix, byte[] from, byte[] to) {
        if (from != null && Long.compareUnsigned(prefix, prefix(from)) < 0) {
            return false;
        }
        if (to == null) {
            return true;
        }
        int upper = Long.compareUnsigned(prefix, prefix(to));
        return upper < 0 || upper == 0 && to.length > 8;
    }

    /** The first 8 bytes of a key as an unsigned big-endian number, zero-padded. */
    static long prefix(byte[] key) {
        long prefix = 0;
        for (int i = 0; i < 8; i++) {
            prefix = prefix << 8 | (i < key.length ? key[i] & 0xff : 0);
        }
        return prefix;
    }
}
