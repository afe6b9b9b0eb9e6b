package io.shale.storage.sstable;

/**
 * The shared part of a sorted file's iterators: the current entry's view, with its key and
 * value copied out once on demand (consecutive versions of one key share one key array).
 */
abstract class FileIterator implements EntryIterator {
    final SortedFile file;
    private final boolean fillCache;
    private Block recent;
    private int recentIndex = -1;
    private Block older;
    private int olderIndex = -1;
    final EntryView view = new EntryView();
    byte[] currentKey;
    boolean keyLoaded;
    private byte[] currentValue;
    private boolean valueLoaded;

    FileIterator(SortedFile file, boolean fillCache) {
        this.file = file;
        this.fillCache = fillCache;
    }

    /** The block {@code blockIndex}; the last two loaded are kept, so walks back and forth skip the cache. */
    final Block load(int blockIndex) {
        if (blockIndex == recentIndex) {
            return recent;
        }
        if (blockIndex == olderIndex) {
            return older;
        }
        Block block = file.block(blockIndex, fillCache);
        older = recent;
        olderIndex = recentIndex;
        recent = block;
        recentIndex = blockIndex;
        return block;
    }

    /** Marks the view as holding a new current entry. */
    final void moved() {
        keyLoaded = false;
        valueLoaded = false;
    }

    @Override
    public final byte[] key() {
        if (!keyLoaded) {
            if (currentKey == null || !view.keyEquals(currentKey)) {
                currentKey = view.copyKey();
            }
            keyLoaded = true;
        }
        return currentKey;
    }

    @Override
    public final long timestamp() {
        return view.timestamp;
    }

    @Override
    public final byte[] value() {
        if (!valueLoaded) {
            currentValue = view.copyValue();
            valueLoaded = true;
        }
        return currentValue;
    }
}
