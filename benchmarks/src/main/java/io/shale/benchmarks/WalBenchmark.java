package io.shale.benchmarks;

import io.shale.storage.file.DiskFiles;
import io.shale.storage.file.StorageFile;
import io.shale.storage.file.StorageFiles;
import io.shale.storage.wal.WalConfig;
import io.shale.storage.wal.WriteAheadLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The write-ahead log: the cost of an append (lock, CRC32C, copy; the writes go nowhere), and
 * commits per second of 1 and 8 threads (platform, and virtual as the wire layer's sessions) that
 * each append a record and wait for it to be durable, with fsync on a temporary directory (group
 * commit is what makes this fast).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class WalBenchmark {

    /** A record the size of a pgbench TPC-B commit's writes. */
    private static final byte[] PAYLOAD = new byte[120];
    private static final int VIRTUAL_SESSIONS = 8;
    private static final int COMMITS_PER_SESSION = 64;

    /** A log whose writes are discarded: what remains is the cost of appending. */
    @State(Scope.Benchmark)
    public static class InMemoryLog {
        WriteAheadLog wal;

        @Setup(Level.Trial)
        public void open() {
            wal = WriteAheadLog.open(new DiscardingFiles(), new WalConfig(64L << 20, false), 0);
        }

        @TearDown(Level.Trial)
        public void close() {
            wal.close();
        }
    }

    /** A log on disk, fsync on, in a fresh temporary directory. */
    @State(Scope.Benchmark)
    public static class DiskLog {
        Path directory;
        WriteAheadLog wal;

        @Setup(Level.Trial)
        public void open() throws IOException {
            directory = Files.createTempDirectory("shale-wal-bench");
            wal = WriteAheadLog.open(DiskFiles.open(directory), new WalConfig(16L << 20, true), 0);
        }

        @TearDown(Level.Iteration)
        public void recycle() {
            wal.recycleBefore(wal.durableLsn());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            wal.close();
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Benchmark
    @Threads(1)
    public long append(InMemoryLog log) {
        return log.wal.append((byte) 1, PAYLOAD);
    }

    @Benchmark
    @Threads(8)
    public long appendEightThreads(InMemoryLog log) {
        return log.wal.append((byte) 1, PAYLOAD);
    }

    @Benchmark
    @Threads(8)
    public long commitEightThreadsFsync(DiskLog log) {
        long lsn = log.wal.append((byte) 1, PAYLOAD);
        log.wal.awaitDurable(lsn);
        return lsn;
    }

    /** As the wire layer commits: each session is a virtual thread. */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(VIRTUAL_SESSIONS * COMMITS_PER_SESSION)
    public void commitEightVirtualThreadsFsync(DiskLog log) throws InterruptedException {
        Thread[] sessions = new Thread[VIRTUAL_SESSIONS];
        for (int i = 0; i < VIRTUAL_SESSIONS; i++) {
            sessions[i] = Thread.ofVirtual().start(() -> {
                for (int c = 0; c < COMMITS_PER_SESSION; c++) {
                    log.wal.awaitDurable(log.wal.append((byte) 1, PAYLOAD));
                }
            });
        }
        for (Thread session : sessions) {
            session.join();
        }
    }

    @Benchmark
    @Threads(1)
    public long commitOneThreadFsync(DiskLog log) {
        long lsn = log.wal.append((byte) 1, PAYLOAD);
        log.wal.awaitDurable(lsn);
        return lsn;
    }

    /** Files that accept writes and keep nothing but their sizes. */
    static final class DiscardingFiles implements StorageFiles {
        @Override
        public StorageFile create(String name) {
            return new DiscardingFile(name);
        }

        @Override
        public StorageFile open(String name) {
            return new DiscardingFile(name);
        }

        @Override
        public boolean exists(String name) {
            return false;
        }

        @Override
        public List<String> list() {
            return List.of();
        }

        @Override
        public void delete(String name) {
        }

        @Override
        public void rename(String from, String to) {
        }

        @Override
        public void syncDirectory() {
        }

        @Override
        public long totalSize() {
            return 0;
        }

        @Override
        public String describe() {
            return "discarding";
        }
    }

    static final class DiscardingFile implements StorageFile {
        private final String name;
        private long size;

        DiscardingFile(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(long position, ByteBuffer dst) {
            return 0;
        }

        @Override
        public void readFully(long position, ByteBuffer dst) {
        }

        @Override
        public void write(long position, ByteBuffer src) {
            size = Math.max(size, position + src.remaining());
            src.position(src.limit());
        }

        @Override
        public void truncate(long newSize) {
            size = Math.min(size, newSize);
        }

        @Override
        public void sync() {
        }

        @Override
        public void close() {
        }
    }
}
