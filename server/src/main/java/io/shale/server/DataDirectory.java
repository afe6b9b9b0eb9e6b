package io.shale.server;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A node's data directory, held exclusively while the node runs.
 *
 * <pre>
 *   &lt;data&gt;/shale.lock     exclusive lock (FileChannel.tryLock), holds the owner's pid
 *   &lt;data&gt;/shale.version  format version of the directory, written on first start
 *   &lt;data&gt;/shale.conf     settings in postgresql.conf syntax (optional, written by the user)
 *   &lt;data&gt;/log/shale.log  the node's log
 * </pre>
 *
 * The lock fails both for another process and for another node in the same JVM.
 *
 * <p>POSIX record locks belong to the process, and closing <em>any</em> descriptor of the lock
 * file drops them, so a second node of the same JVM must not even open the file: the directories
 * locked by this process are kept in {@link #LOCKED_BY_THIS_PROCESS}. That set is the one piece of
 * static mutable state in Shale, because the lock it mirrors is itself per process.
 */
final class DataDirectory implements AutoCloseable {
    /** The format version this build reads and writes. */
    static final int FORMAT_VERSION = 1;
    static final String LOCK_FILE = "shale.lock";
    static final String VERSION_FILE = "shale.version";
    static final String CONFIG_FILE = "shale.conf";

    private static final Set<Path> LOCKED_BY_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if missing, locks it, and checks or records its format version. */
    static DataDirectory open(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw IoErrors.ioError("could not create data directory \"" + root + "\"", e);
        }
        try {
            root = root.toRealPath();
        } catch (IOException e) {
            throw IoErrors.ioError("could not access data directory \"" + root + "\"", e);
        }
        if (!LOCKED_BY_THIS_PROCESS.add(root)) {
            throw inUse(root, " (pid " + ProcessHandle.current().pid() + ")");
        }
        DataDirectory data;
        try {
            data = lock(root);
        } catch (RuntimeException e) {
            LOCKED_BY_THIS_PROCESS.remove(root);
            throw e;
        }
        try {
            data.checkFormatVersion();
            return data;
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }

    Path root() {
        return root;
    }

    Path configFile() {
        return root.resolve(CONFIG_FILE);
    }

    Path logDirectory() {
        return root.resolve("log");
    }

    private static DataDirectory lock(Path root) {
        Path lockFile = root.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw inUse(root, ownerOf(lockFile));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirectory(root, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw IoErrors.ioError("could not lock data directory \"" + root + "\"", e);
        }
    }

    private static ShaleException inUse(Path root, String owner) {
        return new ShaleException(ErrorCode.OBJECT_IN_USE,
                "data directory \"" + root + "\" is in use by another Shale node" + owner);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static String ownerOf(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]+") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void checkFormatVersion() {
        Path versionFile = root.resolve(VERSION_FILE);
        String text;
        try {
            text = Files.readString(versionFile, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            writeFormatVersion(versionFile);
            return;
        } catch (IOException e) {
            throw IoErrors.ioError("could not read file \"" + versionFile + "\"", e);
        }
        if (!text.equals(Integer.toString(FORMAT_VERSION))) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "data directory \"" + root + "\" has an unknown format")
                    .withDetail("The directory has format version \"" + text
                            + "\", which is not compatible with this version of Shale (format version "
                            + FORMAT_VERSION + ").");
        }
    }

    private static void writeFormatVersion(Path versionFile) {
        Path temporary = versionFile.resolveSibling(VERSION_FILE + ".tmp");
        try {
            Files.writeString(temporary, FORMAT_VERSION + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, versionFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw IoErrors.ioError("could not write file \"" + versionFile + "\"", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the channel is being abandoned after a failure that is already reported
            }
        }
    }

    /** Releases the lock; the lock file stays, its pid stale. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock as well
        }
        closeQuietly(lockChannel);
        LOCKED_BY_THIS_PROCESS.remove(root);
    }
}
