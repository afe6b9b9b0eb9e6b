package io.shale.benchmarks;

import io.shale.storage.file.MemoryFiles;
import io.shale.storage.file.StorageFile;
import io.shale.storage.sstable.BlockCache;
import io.shale.storage.sstable.EntryIterator;
import io.shale.storage.sstable.SortedFile;
import io.shale.storage.sstable.SortedFileOptions;
import io.shale.storage.sstable.SortedFileWriter;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Sorted files in memory (MemoryFiles): point get with every block cached, a range scan (rows/s)
 * and writing a file (rows/s). Keys follow the engine's layout: 8-byte relation id, index id,
 * 8-byte row id; 100-byte values; 16 KiB LZ4 blocks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SortedFileBenchmark {
    static final int ROWS = 200_000;
    static final int SCAN_ROWS = 1000;
    static final int WRITE_ROWS = 50_000;

    private byte[][] keys;
    private byte[][] values;
    private byte[][] absent;
    private SortedFile file;
    private MemoryFiles files;
    private int fileCount;
    private int next;

    static byte[] key(long table, long row) {
        byte[] key = new byte[17];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (table >>> (56 - 8 * i));
            key[9 + i] = (byte) (row >>> (56 - 8 * i));
        }
        key[8] = 1;
        return key;
    }

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        keys = new byte[ROWS][];
        values = new byte[ROWS][];
        absent = new byte[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            keys[i] = key(16384, 2L * i);
            absent[i] = key(16384, 2L * i + 1);
            values[i] = new byte[100];
            random.nextBytes(values[i]);
            for (int b = 0; b < 50; b++) {
                values[i][b] = (byte) b;
            }
        }
        files = new MemoryFiles();
        StorageFile storage = files.create("bench.sst");
        write(storage, ROWS);
        file = SortedFile.open(files.open("bench.sst"), new BlockCache(256L << 20));
        EntryIterator warm = file.iterator(null, null, false);
        while (warm.next()) {
            warm.value();
        }
    }

    private long write(StorageFile storage, int count) {
        SortedFileWriter writer = new SortedFileWriter(storage, SortedFileOptions.defaults().withSync(false));
        for (int i = 0; i < count; i++) {
            writer.add(keys[i], 1_000_000L + i, values[i]);
        }
        return writer.finish().size();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        file.close();
    }

    private int nextIndex() {
        next += 7919;
        if (next >= ROWS) {
            next -= ROWS;
        }
        return next;
    }

    /** Point get of a present key, block cached: ops/s. */
    @Benchmark
    public Object pointGet() {
        return file.get(keys[nextIndex()], Long.MAX_VALUE);
    }

    /** Point get of an absent key (mostly answered by the bloom filter): ops/s. */
    @Benchmark
    public Object pointGetAbsent() {
        return file.get(absent[nextIndex()], Long.MAX_VALUE);
    }

    /** Range scan of 1000 rows from a random key, reading key and value: rows/s. */
    @Benchmark
    @OperationsPerInvocation(SCAN_ROWS)
    public void rangeScan(Blackhole blackhole) {
        int start = nextIndex() % (ROWS - SCAN_ROWS);
        EntryIterator iterator = file.iterator(keys[start], null, false);
        for (int i = 0; i < SCAN_ROWS && iterator.next(); i++) {
            blackhole.consume(iterator.key());
            blackhole.consume(iterator.value());
        }
    }

    /** Descending range scan of 1000 rows: rows/s. */
    @Benchmark
    @OperationsPerInvocation(SCAN_ROWS)
    public void rangeScanDescending(Blackhole blackhole) {
        int end = SCAN_ROWS + nextIndex() % (ROWS - SCAN_ROWS);
        EntryIterator iterator = file.iterator(null, keys[end], true);
        for (int i = 0; i < SCAN_ROWS && iterator.next(); i++) {
            blackhole.consume(iterator.key());
            blackhole.consume(iterator.value());
        }
    }

    /** Writing a file of 50,000 rows (LZ4, bloom filter, index; no fsync): rows/s. */
    @Benchmark
    @OperationsPerInvocation(WRITE_ROWS)
    public long write() {
        String name = "w" + (fileCount++) + ".sst";
        long size = write(files.create(name), WRITE_ROWS);
        files.delete(name);
        return size;
    }
}
