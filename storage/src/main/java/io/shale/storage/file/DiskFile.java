package io.shale.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link StorageFile} on a {@link FileChannel}: positional reads and writes, {@code force(false)}
 * to sync. An interrupt of a thread doing I/O closes a FileChannel; the file then reopens its
 * channel and retries, and the thread's interrupt status is restored afterwards, so that a
 * cancelled session never breaks a file the whole store shares.
 */
final class DiskFile implements StorageFile {

    private interface ChannelAction {
        long run(FileChannel channel) throws IOException;
    }

    private final Path path;
    private final String name;
    private final Object reopenLock = new Object();
    private volatile FileChannel channel;
    private volatile boolean closed;

    DiskFile(Path path, FileChannel channel) {
        this.path = path;
        this.name = path.getFileName().toString();
        this.channel = channel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long size() {
        return withChannel("read", FileChannel::size);
    }

    @Override
    public int read(long position, ByteBuffer dst) {
        int start = dst.position();
        withChannel("read", ch -> {
            while (dst.hasRemaining()) {
                if (ch.read(dst, position + dst.position() - start) < 0) {
                    break;
                }
            }
            return 0;
        });
        return dst.position() - start;
    }

    @Override
    public void readFully(long position, ByteBuffer dst) {
        int wanted = dst.remaining();
        int read = read(position, dst);
        if (read < wanted) {
            throw FileErrors.shortRead(path.toString(), position, read, wanted);
        }
    }

    @Override
    public void write(long position, ByteBuffer src) {
        int start = src.position();
        withChannel("write to", ch -> {
            while (src.hasRemaining()) {
                ch.write(src, position + src.position() - start);
            }
            return 0;
        });
    }

    @Override
    public void truncate(long size) {
        withChannel("truncate", ch -> {
            ch.truncate(size);
            return 0;
        });
    }

    @Override
    public void sync() {
        withChannel("fsync", ch -> {
            ch.force(false);
            return 0;
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw FileErrors.io("close", path.toString(), e);
        }
    }

    private long withChannel(String action, ChannelAction work) {
        boolean interrupted = false;
        try {
            while (true) {
                if (closed) {
                    throw FileErrors.closed(path.toString());
                }
                FileChannel current = channel;
                try {
                    return work.run(current);
                } catch (ClosedChannelException e) {
                    // Closed by an interrupt (ours or another thread's): reopen and retry.
                    interrupted |= Thread.interrupted();
                    reopen(current, action);
                } catch (IOException e) {
                    throw FileErrors.io(action, path.toString(), e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void reopen(FileChannel failed, String action) {
        synchronized (reopenLock) {
            if (closed) {
                throw FileErrors.closed(path.toString());
            }
            if (channel != failed) {
                return;
            }
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw FileErrors.io(action, path.toString(), e);
            }
        }
    }
}
