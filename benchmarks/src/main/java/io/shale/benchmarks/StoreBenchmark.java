package io.shale.benchmarks;

import io.shale.common.types.KeyCodec;
import io.shale.common.types.SqlType;
import io.shale.storage.HybridLogicalClock;
import io.shale.storage.KeyCursor;
import io.shale.storage.Transaction;
import io.shale.storage.TransactionOptions;
import io.shale.storage.file.MemoryFiles;
import io.shale.storage.lsm.LsmConfig;
import io.shale.storage.lsm.LsmKeyValueStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The durable store (LsmKeyValueStore over MemoryFiles, fsync off, synchronous commit on)
 * through KeyValueStore transactions: point get, range scan (rows/s), insert (rows/s, 100 per
 * transaction, and one per transaction), plus key encoding with KeyCodec. 100,000 rows of
 * (int8 primary key → 100-byte value) are loaded first; with {@code tier = files} they are then
 * flushed into sorted files (VACUUM), so reads go through the block cache instead of the
 * memtable.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class StoreBenchmark {
    static final long TABLE = 16384;
    static final int ROWS = 100_000;
    static final int SCAN_ROWS = 1000;
    static final int BATCH = 100;
    private static final SqlType[] KEY_TYPES = {SqlType.INT8};
    private static final SqlType[] TWO_COLUMNS = {SqlType.INT8, SqlType.TEXT};

    private int nextKey;

    static byte[] key(long row) {
        return KeyCodec.encodeKey(TABLE, KEY_TYPES, new Object[] {row});
    }

    /** A loaded store; its rows in the memtable or flushed to sorted files. */
    @State(Scope.Benchmark)
    public static class Store {
        @Param({"memtable", "files"})
        public String tier;

        LsmKeyValueStore store;
        byte[][] keys;
        byte[] value;
        long nextInsert;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            MemoryFiles files = new MemoryFiles();
            store = LsmKeyValueStore.open(files, LsmConfig.defaults().withFsync(false), new HybridLogicalClock());
            value = new byte[100];
            new Random(42).nextBytes(value);
            keys = new byte[ROWS][];
            for (int i = 0; i < ROWS; i++) {
                keys[i] = key(i);
            }
            for (int start = 0; start < ROWS; start += 1000) {
                Transaction load = store.begin(TransactionOptions.defaults());
                for (int i = start; i < start + 1000; i++) {
                    load.insert(keys[i], value);
                }
                load.commit();
            }
            nextInsert = ROWS;
            if (tier.equals("files")) {
                store.vacuum();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (files.list().stream().noneMatch(name -> name.endsWith(".sst")) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Thread.sleep(500);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            store.close();
        }

        int nextIndex() {
            next += 7919;
            if (next >= ROWS) {
                next -= ROWS;
            }
            return next;
        }
    }

    /** A transaction that reads one row by key: ops/s. */
    @Benchmark
    public byte[] pointGet(Store s) {
        Transaction transaction = s.store.begin(TransactionOptions.defaults());
        byte[] found = transaction.get(s.keys[s.nextIndex()]);
        transaction.commit();
        return found;
    }

    /** A transaction that scans 1000 rows from a random key: rows/s. */
    @Benchmark
    @OperationsPerInvocation(SCAN_ROWS)
    public void rangeScan(Store s, Blackhole blackhole) {
        Transaction transaction = s.store.begin(TransactionOptions.defaults());
        int start = s.nextIndex() % (ROWS - SCAN_ROWS);
        try (KeyCursor cursor = transaction.scan(s.keys[start], null, false)) {
            for (int i = 0; i < SCAN_ROWS && cursor.next(); i++) {
                blackhole.consume(cursor.key());
                blackhole.consume(cursor.value());
            }
        }
        transaction.commit();
    }

    /** Transactions of 100 inserts of new keys: rows/s. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void insertBatch(Store s) {
        Transaction transaction = s.store.begin(TransactionOptions.defaults());
        for (int i = 0; i < BATCH; i++) {
            transaction.insert(key(s.nextInsert++), s.value);
        }
        transaction.commit();
    }

    /** One insert per transaction (the commit path): rows/s = commits/s. */
    @Benchmark
    public void insertSingle(Store s) {
        Transaction transaction = s.store.begin(TransactionOptions.defaults());
        transaction.insert(key(s.nextInsert++), s.value);
        transaction.commit();
    }

    /** Encoding a key of (table id, int8, text): ops/s. */
    @Benchmark
    public byte[] keyEncoding() {
        nextKey += 7919;
        return KeyCodec.encodeKey(TABLE, TWO_COLUMNS, new Object[] {(long) nextKey, "customer name"});
    }
}
