package io.shale.storage;

/** A forward-only iterator over committed changes; see {@link StoreSnapshot#changes}. */
public interface ChangeCursor extends AutoCloseable {

    boolean next();

    byte[] key();

    /** The new value, or null when the change deleted the key. */
    byte[] value();

    long commitTimestamp();

    @Override
    void close();
}
