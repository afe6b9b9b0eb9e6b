package io.shale.storage.sstable;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.storage.file.StorageFile;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** An in-memory {@link StorageFile} for tests, with a way to damage its bytes. */
final class TestFile implements StorageFile {
    private final String name;
    private byte[] data = new byte[0];
    private int size;
    private int syncs;
    private boolean closed;

    TestFile(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public synchronized int read(long position, ByteBuffer dst) {
        if (position >= size) {
            return 0;
        }
        int count = (int) Math.min(dst.remaining(), size - position);
        dst.put(data, (int) position, count);
        return count;
    }

    @Override
    public synchronized void readFully(long position, ByteBuffer dst) {
        if (position + dst.remaining() > size) {
            throw new ShaleException(ErrorCode.DATA_CORRUPTED, "could not read file \"" + name + "\"");
        }
        read(position, dst);
    }

    @Override
    public synchronized void write(long position, ByteBuffer src) {
        int end = (int) position + src.remaining();
        if (end > data.length) {
            data = Arrays.copyOf(data, Math.max(end, data.length * 2));
        }
        src.get(data, (int) position, src.remaining());
        size = Math.max(size, end);
    }

    @Override
    public synchronized void truncate(long newSize) {
        size = (int) Math.min(size, newSize);
    }

    @Override
    public synchronized void sync() {
        syncs++;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** A copy of this file's bytes under the same name. */
    synchronized TestFile copy() {
        TestFile copy = new TestFile(name);
        copy.data = Arrays.copyOf(data, size);
        copy.size = size;
        return copy;
    }

    synchronized int syncs() {
        return syncs;
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized void flip(long position) {
        data[(int) position] ^= 0x5A;
    }

    synchronized void putInt(long position, int value) {
        Bytes.putInt(data, (int) position, value);
    }
}
