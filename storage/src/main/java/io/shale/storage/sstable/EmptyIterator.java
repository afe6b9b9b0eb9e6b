package io.shale.storage.sstable;

import java.util.NoSuchElementException;

/** The iterator of an empty range. */
final class EmptyIterator implements EntryIterator {
    static final EmptyIterator INSTANCE = new EmptyIterator();

    private EmptyIterator() {
    }

    @Override
    public boolean next() {
        return false;
    }

    @Override
    public byte[] key() {
        throw new NoSuchElementException();
    }

    @Override
    public long timestamp() {
        throw new NoSuchElementException();
    }

    @Override
    public byte[] value() {
        throw new NoSuchElementException();
    }
}
