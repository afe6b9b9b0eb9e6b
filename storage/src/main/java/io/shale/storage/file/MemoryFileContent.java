package io.shale.storage.file;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one in-memory file: a growable array. Not thread-safe; its owner synchronizes.
 * Shared by {@link MemoryFiles} and the fault-injecting file layer of the tests.
 */
final class MemoryFileContent {

    private static final int MAX_SIZE = Integer.MAX_VALUE - 16;

    private byte[] bytes;
    private int size;

    MemoryFileContent() {
        this(new byte[0], 0);
    }

    private MemoryFileContent(byte[] bytes, int size) {
        this.bytes = bytes;
        this.size = size;
    }

    int size() {
        return size;
    }

    int read(long position, ByteBuffer dst) {
        if (position >= size) {
            return 0;
        }
        int count = (int) Math.min(dst.remaining(), size - position);
        dst.put(bytes, (int) position, count);
        return count;
    }

    void write(long position, ByteBuffer src, String name) {
        long end = position + src.remaining();
        if (position < 0 || end > MAX_SIZE) {
            throw new ShaleException(ErrorCode.PROGRAM_LIMIT_EXCEEDED,
                    "could not write to file \"" + name + "\": file too large for memory");
        }
        ensureCapacity((int) end);
        if (position > size) {
            Arrays.fill(bytes, size, (int) position, (byte) 0);
        }
        src.get(bytes, (int) position, src.remaining());
        size = Math.max(size, (int) end);
    }

    /** Writes {@code length} bytes of {@code data} at {@code position}. */
    void write(long position, byte[] data, int length, String name) {
        write(position, ByteBuffer.wrap(data, 0, length), name);
    }

    void truncate(long newSize) {
        if (newSize < size) {
            Arrays.fill(bytes, (int) newSize, size, (byte) 0);
            size = (int) newSize;
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    MemoryFileContent copy() {
        return new MemoryFileContent(Arrays.copyOf(bytes, size), size);
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            int grown = (int) Math.min(MAX_SIZE, Math.max(needed, Math.max(64L, bytes.length * 2L)));
            bytes = Arrays.copyOf(bytes, grown);
        }
    }
}
