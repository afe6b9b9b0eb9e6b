package io.shale.storage.sstable;

/**
 * What a finished sorted file holds: its name and size in bytes, its entry count, its smallest
 * and largest key (empty arrays for a file without entries) and its timestamp range.
 */
public record SortedFileInfo(String name, long size, long entryCount, byte[] smallestKey, byte[] largestKey,
                             long minTimestamp, long maxTimestamp) {
}
