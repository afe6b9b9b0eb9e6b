package io.shale.storage.sstable;

/** A sorted file's entries of [from, to) in file order. */
final class AscendingFileIterator extends FileIterator {
    private final byte[] to;
    private final SortedFileIndex index;
    private Block block;
    private int blockIndex;
    private int entryIndex;
    private boolean done;
    /** Whether the current block may hold keys at or after {@code to} (else no bound check per entry). */
    private boolean blockReachesTo;

    AscendingFileIterator(SortedFile file, byte[] from, byte[] to, boolean fillCache) {
        super(file, fillCache);
        this.to = to;
        this.index = file.index();
        if (from != null) {
            blockIndex = index.find(from, Long.MAX_VALUE);
            if (blockIndex < index.count()) {
                block = load(blockIndex);
                entryIndex = block.find(from, Long.MAX_VALUE, view);
                blockReachesTo = reachesTo(blockIndex);
            }
        }
    }

    @Override
    public boolean next() {
        if (done) {
            return false;
        }
        while (block == null || entryIndex >= block.count) {
            if (block != null) {
                blockIndex++;
                entryIndex = 0;
            }
            if (blockIndex >= index.count()) {
                done = true;
                return false;
            }
            block = load(blockIndex);
            blockReachesTo = reachesTo(blockIndex);
        }
        view.load(block, entryIndex++);
        if (blockReachesTo && view.compareKey(to) >= 0) {
            done = true;
            return false;
        }
        moved();
        return true;
    }

    private boolean reachesTo(int blockIndexToCheck) {
        byte[] last = index.lastKey(blockIndexToCheck);
        return to != null && Bytes.compare(last, 0, last.length, to, 0, to.length) >= 0;
    }
}
