package io.shale.storage.sstable;

import java.util.Arrays;

/**
 * Accumulates the per-prefix size table while a file is written: the raw bytes of each run of
 * one 8-byte key prefix inside the open block, shared out over the block's on-disk length when
 * the block is written, so that the table adds up to the size of the data blocks.
 */
final class PrefixTableBuilder {
    private long[] runPrefixes = new long[8];
    private long[] runBytes = new long[8];
    private int runs;
    private long[] prefixes = new long[64];
    private long[] bytes = new long[64];
    private int count;

    void add(long prefix, int rawBytes) {
        if (runs > 0 && runPrefixes[runs - 1] == prefix) {
            runBytes[runs - 1] += rawBytes;
            return;
        }
        if (runs == runPrefixes.length) {
            runPrefixes = Arrays.copyOf(runPrefixes, runs * 2);
            runBytes = Arrays.copyOf(runBytes, runs * 2);
        }
        runPrefixes[runs] = prefix;
        runBytes[runs++] = rawBytes;
    }

    void endBlock(long diskLength) {
        long total = 0;
        for (int i = 0; i < runs; i++) {
            total += runBytes[i];
        }
        long left = diskLength;
        for (int i = 0; i < runs; i++) {
            long share = i == runs - 1 ? left : diskLength * runBytes[i] / Math.max(1, total);
            left -= share;
            addTotal(runPrefixes[i], share);
        }
        runs = 0;
    }

    private void addTotal(long prefix, long share) {
        if (count > 0 && prefixes[count - 1] == prefix) {
            bytes[count - 1] += share;
            return;
        }
        if (count == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, count * 2);
            bytes = Arrays.copyOf(bytes, count * 2);
        }
        prefixes[count] = prefix;
        bytes[count++] = share;
    }

    void writeTo(ByteSink sink) {
        sink.writeInt(count);
        for (int i = 0; i < count; i++) {
            sink.writeLong(prefixes[i]);
            sink.writeLong(bytes[i]);
        }
    }
}
