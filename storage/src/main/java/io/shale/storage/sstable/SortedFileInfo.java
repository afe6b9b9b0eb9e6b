package io.shale.storage.sstable;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a finished sorted file holds: its name and size in bytes, its entry count, its smallest
 * and largest key (empty arrays for a file without entries) and its timestamp range. Equality
 * compares the keys' contents.
 */
public record SortedFileInfo(String name, long size, long entryCount, byte[] smallestKey, byte[] largestKey,
                             long minTimestamp, long maxTimestamp) {

    @Override
    public boolean equals(Object other) {
        return other instanceof SortedFileInfo info && name.equals(info.name) && size == info.size
                && entryCount == info.entryCount && Arrays.equals(smallestKey, info.smallestKey)
                && Arrays.equals(largestKey, info.largestKey) && minTimestamp == info.minTimestamp
                && maxTimestamp == info.maxTimestamp;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "SortedFileInfo[" + name + ", " + size + " bytes, " + entryCount + " entries, keys "
                + hex.formatHex(smallestKey) + ".." + hex.formatHex(largestKey) + ", timestamps " + minTimestamp
                + ".." + maxTimestamp + "]";
    }
}
