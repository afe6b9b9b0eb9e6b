package io.shale.storage;

/**
 * A forward-only iterator over keys and values. {@link #next()} moves to the next entry; the
 * arrays returned by {@link #key()} and {@link #value()} must not be modified.
 */
public interface KeyCursor extends AutoCloseable {

    boolean next();

    byte[] key();

    byte[] value();

    @Override
    void close();
}
