package io.shale.storage.sstable;

/**
 * How a {@link SortedFileWriter} lays out a file: the uncompressed size at which a data block is
 * closed, the bloom filter's bits per distinct key, how many entries share one prefix-compression
 * restart key, and whether {@link SortedFileWriter#finish()} syncs the file.
 */
public record SortedFileOptions(int blockSize, int bloomBitsPerKey, int restartInterval, boolean sync) {

    public SortedFileOptions {
        if (blockSize < 64 || blockSize > (1 << 24)) {
            throw new IllegalArgumentException("block size out of range: " + blockSize);
        }
        if (bloomBitsPerKey < 0 || bloomBitsPerKey > 64) {
            throw new IllegalArgumentException("bloom bits per key out of range: " + bloomBitsPerKey);
        }
        if (restartInterval < 1 || restartInterval > 1024) {
            throw new IllegalArgumentException("restart interval out of range: " + restartInterval);
        }
    }

    /** 16 KiB blocks, 10 bloom bits per key, a restart key every 16 entries, synced. */
    public static SortedFileOptions defaults() {
        return new SortedFileOptions(16 * 1024, 10, 16, true);
    }

    public SortedFileOptions withBlockSize(int newBlockSize) {
        return new SortedFileOptions(newBlockSize, bloomBitsPerKey, restartInterval, sync);
    }

    public SortedFileOptions withSync(boolean newSync) {
        return new SortedFileOptions(blockSize, bloomBitsPerKey, restartInterval, newSync);
    }
}
