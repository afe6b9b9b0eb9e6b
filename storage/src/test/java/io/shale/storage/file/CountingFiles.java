package io.shale.storage.file;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Wraps a {@link StorageFiles} to count file and directory syncs, make each file sync take a
 * while (as an fsync on a disk does), measure the time syncs take, and make syncs fail on demand.
 */
public final class CountingFiles implements StorageFiles {

    private final StorageFiles delegate;
    private final long syncNanos;
    private final AtomicLong fileSyncs = new AtomicLong();
    private final AtomicLong syncNanosSpent = new AtomicLong();
    private final AtomicLong directorySyncs = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicBoolean failSyncs = new AtomicBoolean();

    public CountingFiles(StorageFiles delegate, long syncNanos) {
        this.delegate = delegate;
        this.syncNanos = syncNanos;
    }

    public long fileSyncs() {
        return fileSyncs.get();
    }

    /** Nanoseconds spent in file syncs, the added delay included. */
    public long syncNanosSpent() {
        return syncNanosSpent.get();
    }

    public long directorySyncs() {
        return directorySyncs.get();
    }

    public long writes() {
        return writes.get();
    }

    public void failSyncs() {
        failSyncs.set(true);
    }

    @Override
    public StorageFile create(String name) {
        return new Counted(delegate.create(name));
    }

    @Override
    public StorageFile open(String name) {
        return new Counted(delegate.open(name));
    }

    @Override
    public boolean exists(String name) {
        return delegate.exists(name);
    }

    @Override
    public List<String> list() {
        return delegate.list();
    }

    @Override
    public void delete(String name) {
        delegate.delete(name);
    }

    @Override
    public void rename(String from, String to) {
        delegate.rename(from, to);
    }

    @Override
    public void syncDirectory() {
        directorySyncs.incrementAndGet();
        delegate.syncDirectory();
    }

    @Override
    public long totalSize() {
        return delegate.totalSize();
    }

    @Override
    public String describe() {
        return delegate.describe();
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
            writes.incrementAndGet();
            file.write(position, src);
        }

        @Override
        public void truncate(long size) {
            file.truncate(size);
        }

        @Override
        public void sync() {
            if (failSyncs.get()) {
                throw new ShaleException(ErrorCode.IO_ERROR,
                        "could not fsync file \"" + file.name() + "\": Input/output error");
            }
            fileSyncs.incrementAndGet();
            long start = System.nanoTime();
            if (syncNanos > 0) {
                long deadline = System.nanoTime() + syncNanos;
                while (System.nanoTime() < deadline) {
                    LockSupport.parkNanos(deadline - System.nanoTime());
                }
            }
            file.sync();
            syncNanosSpent.addAndGet(System.nanoTime() - start);
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
