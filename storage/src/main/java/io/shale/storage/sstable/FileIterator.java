package io.shale.storage.sstable;

/**
 * The shared part of a sorted file's iterators: the current entry's view, with its key and
 * value copied out once on demand (consecutive versions of one key share one key array).
 */
abstract class FileIterator implements EntryIterator {
    final SortedFile file;
    private final boolean fillCache;
    final EntryView view = new EntryView();
    byte[] currentKey;
    boolean keyLoaded;
    private byte[] currentValue;
    private boolean valueLoaded;

    FileIterator(SortedFile file, boolean fillCache) {
        this.file = file;
        this.fillCache = fillCache;
    }

    final Block load(int blockIndex) {
        return file.block(blockIndex, fillCache);
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
