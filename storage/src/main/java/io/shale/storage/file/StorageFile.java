package io.shale.storage.file;

import java.nio.ByteBuffer;

/**
 * One open file of a {@link StorageFiles}. Positional reads may run concurrently with each other
 * and with appends; writes are made by one thread at a time.
 */
public interface StorageFile extends AutoCloseable {

    String name();

    /** The current length, including writes not yet synced. */
    long size();

    /**
     * Reads bytes at {@code position} into {@code dst} until it is full or the file ends; returns
     * the number read.
     */
    int read(long position, ByteBuffer dst);

    /** Reads exactly {@code dst.remaining()} bytes at {@code position}, or fails (XX001). */
    void readFully(long position, ByteBuffer dst);

    /** Writes all of {@code src} at {@code position} (at {@code size()} to append). */
    void write(long position, ByteBuffer src);

    /** Cuts the file to {@code size} bytes. */
    void truncate(long size);

    /** Makes every write done so far durable (fsync of the data). */
    void sync();

    @Override
    void close();
}
