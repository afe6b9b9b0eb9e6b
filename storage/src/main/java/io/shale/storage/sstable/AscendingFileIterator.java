package io.shale.storage.sstable;

/** A sorted file's entries of [from, to) in file order. */
final class AscendingFileIterator extends FileIterator {
    private final byte[] to;
    private final SortedFileIndex index;
    private Block block;
    private int blockIndex;
    private int entryIndex;
    private boolean done;

    AscendingFileIterator(SortedFile file, byte[] from, byte[] to, boolean fillCache) {
        super(file, fillCache);
        this.to = to;
        this.index = file.index();
        if (from != null) {
            blockIndex = index.find(from, Long.MAX_VALUE);
            if (blockIndex < index.count()) {
                block = load(blockIndex);
                entryIndex = block.find(from, Long.MAX_VALUE, view);
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
        }
        view.load(block, entryIndex++);
        if (to != null && view.compareKey(to) >= 0) {
            done = true;
            return false;
        }
        moved();
        return true;
    }
}
