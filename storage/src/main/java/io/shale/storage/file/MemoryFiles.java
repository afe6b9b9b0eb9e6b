package io.shale.storage.file;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link StorageFiles} kept in memory, for {@code --memory} nodes and tests: every write is
 * "durable" at once and syncs do nothing. As with POSIX files, a handle keeps working on its
 * file after the name is deleted or renamed. Thread-safe.
 */
public final class MemoryFiles implements StorageFiles {

    private final Map<String, MemoryFileContent> files = new HashMap<>();

    @Override
    public synchronized StorageFile create(String name) {
        FileErrors.checkName(name);
        if (files.containsKey(name)) {
            throw FileErrors.exists(name);
        }
        MemoryFileContent content = new MemoryFileContent();
        files.put(name, content);
        return new Handle(name, content);
    }

    @Override
    public synchronized StorageFile open(String name) {
        MemoryFileContent content = files.get(name);
        if (content == null) {
            throw FileErrors.missing("open", name);
        }
        return new Handle(name, content);
    }

    @Override
    public synchronized boolean exists(String name) {
        return files.containsKey(name);
    }

    @Override
    public synchronized List<String> list() {
        List<String> names = new ArrayList<>(files.keySet());
        names.sort(null);
        return names;
    }

    @Override
    public synchronized void delete(String name) {
        files.remove(name);
    }

    @Override
    public synchronized void rename(String from, String to) {
        FileErrors.checkName(to);
        MemoryFileContent content = files.remove(from);
        if (content == null) {
            throw FileErrors.missing("rename", from);
        }
        files.put(to, content);
    }

    @Override
    public void syncDirectory() {
        // Memory holds everything as long as the node lives: nothing to make durable.
    }

    @Override
    public long totalSize() {
        List<MemoryFileContent> contents;
        synchronized (this) {
            contents = new ArrayList<>(files.values());
        }
        long total = 0;
        for (MemoryFileContent content : contents) {
            synchronized (content) {
                total += content.size();
            }
        }
        return total;
    }

    @Override
    public String describe() {
        return "memory";
    }

    /** An open handle; it synchronizes on the file's content. */
    private static final class Handle implements StorageFile {
        private final String name;
        private final MemoryFileContent content;
        private volatile boolean closed;

        Handle(String name, MemoryFileContent content) {
            this.name = name;
            this.content = content;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            checkOpen();
            synchronized (content) {
                return content.size();
            }
        }

        @Override
        public int read(long position, ByteBuffer dst) {
            checkOpen();
            synchronized (content) {
                return content.read(position, dst);
            }
        }

        @Override
        public void readFully(long position, ByteBuffer dst) {
            int wanted = dst.remaining();
            int read = read(position, dst);
            if (read < wanted) {
                throw FileErrors.shortRead(name, position, read, wanted);
            }
        }

        @Override
        public void write(long position, ByteBuffer src) {
            checkOpen();
            synchronized (content) {
                content.write(position, src, name);
            }
        }

        @Override
        public void truncate(long size) {
            checkOpen();
            synchronized (content) {
                content.truncate(size);
            }
        }

        @Override
        public void sync() {
            checkOpen();
        }

        @Override
        public void close() {
            closed = true;
        }

        private void checkOpen() {
            if (closed) {
                throw FileErrors.closed(name);
            }
        }
    }
}
