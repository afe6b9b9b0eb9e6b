package io.shale.storage.sstable;

/**
 * A sorted file's entries of [from, to) with keys descending and the versions of each key newest
 * first: it finds the last version of the next key going backwards, walks back to the key's
 * newest version, then returns the versions forwards.
 */
final class DescendingFileIterator extends FileIterator {
    private final byte[] from;
    private final SortedFileIndex index;
    private final EntryView probe = new EntryView();
    /** The last (oldest) version of the next key to return, as block and entry; block -1 when none. */
    private int nextEndBlock = -1;
    private int nextEndEntry;
    private int endBlock;
    private int endEntry;
    private int block;
    private int entry;
    private Block current;
    private boolean inGroup;

    DescendingFileIterator(SortedFile file, byte[] from, byte[] to, boolean fillCache) {
        super(file, fillCache);
        this.from = from;
        this.index = file.index();
        int count = index.count();
        if (count == 0) {
            return;
        }
        int b = to == null ? count : index.find(to, Long.MAX_VALUE);
        if (b == count) {
            nextEndBlock = count - 1;
            nextEndEntry = load(count - 1).count - 1;
        } else {
            Block candidate = load(b);
            int e = candidate.find(to, Long.MAX_VALUE, view);
            setPrevious(b, e);
        }
    }

    /** Points nextEnd at the entry before (b, e), or at nothing. */
    private void setPrevious(int b, int e) {
        if (e > 0) {
            nextEndBlock = b;
            nextEndEntry = e - 1;
        } else if (b > 0) {
            nextEndBlock = b - 1;
            nextEndEntry = load(b - 1).count - 1;
        } else {
            nextEndBlock = -1;
        }
    }

    @Override
    public boolean next() {
        if (inGroup && (block != endBlock || entry != endEntry)) {
            entry++;
            if (entry >= current.count) {
                block++;
                entry = 0;
                current = load(block);
            }
            view.load(current, entry);
            moved();
            return true;
        }
        inGroup = false;
        if (nextEndBlock < 0) {
            return false;
        }
        Block endBlockData = load(nextEndBlock);
        view.load(endBlockData, nextEndEntry);
        if (from != null && view.compareKey(from) < 0) {
            nextEndBlock = -1;
            return false;
        }
        byte[] key = view.copyKey();
        endBlock = nextEndBlock;
        endEntry = nextEndEntry;
        int b = endBlock;
        int e = endEntry;
        Block walk = endBlockData;
        while (true) {
            int pb = b;
            int pe = e - 1;
            Block previous = walk;
            if (pe < 0) {
                if (b == 0) {
                    break;
                }
                pb = b - 1;
                previous = load(pb);
                pe = previous.count - 1;
            }
            probe.load(previous, pe);
            if (!probe.keyEquals(key)) {
                break;
            }
            b = pb;
            e = pe;
            walk = previous;
        }
        setPrevious(b, e);
        block = b;
        entry = e;
        current = walk;
        view.load(current, entry);
        currentKey = key;
        moved();
        inGroup = true;
        return true;
    }
}
