package io.shale.storage.lsm;

import io.shale.storage.file.StorageFile;
import io.shale.storage.file.StorageFiles;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Storage files that count and time the syncs made through them (to measure group commit). */
final class CountingFiles implements StorageFiles {
    private final StorageFiles files;
    final AtomicLong syncs = new AtomicLong();
    final AtomicLong syncNanos = new AtomicLong();

    CountingFiles(StorageFiles files) {
        this.files = files;
    }

    @Override
    public StorageFile create(String name) {
        return new Counted(files.create(name));
    }

    @Override
    public StorageFile open(String name) {
        return new Counted(files.open(name));
    }

    @Override
    public boolean exists(String name) {
        return files.exists(name);
    }

    @Override
    public List<String> list() {
        return files.list();
    }

    @Override
    public void delete(String name) {
        files.delete(name);
    }

    @Override
    public void rename(String from, String to) {
        files.rename(from, to);
    }

    @Override
    public void syncDirectory() {
        files.syncDirectory();
    }

    @Override
    public long totalSize() {
        return files.totalSize();
    }

    @Override
    public String describe() {
        return files.describe();
    }

    private final class Counted implements StorageFile {
        private final StorageFile file;

        Counted(StorageFile file) {
            this.file = file;
        }

        @Override
        public String name() {
            return file.name();
        }

        @Override
        public long size() {
            return file.size();
        }

        @Override
        public int read(long position, ByteBuffer dst) {
            return file.read(position, dst);
        }

        @Override
        public void readFully(long position, ByteBuffer dst) {
            file.readFully(position, dst);
        }

        @Override
        public void write(long position, ByteBuffer src) {
            file.write(position, src);
        }

        @Override
        public void truncate(long size) {
            file.truncate(size);
        }

        @Override
        public void sync() {
            long start = System.nanoTime();
            file.sync();
            syncNanos.addAndGet(System.nanoTime() - start);
            syncs.incrementAndGet();
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
