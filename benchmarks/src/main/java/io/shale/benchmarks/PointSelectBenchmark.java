package io.shale.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One transaction of {@code pgbench -S} through the session API, without the wire: a
 * primary-key lookup in a 100,000-row table, as a prepared statement (Bind, Execute, Sync) and
 * as a simple query (parsed and planned every time).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PointSelectBenchmark {
    static final int ROWS = 100_000;
    private static final short[] TEXT = {};

    private final SplittableRandom random = new SplittableRandom(42);
    private final BenchmarkDatabase.CountingListener listener = new BenchmarkDatabase.CountingListener();
    private BenchmarkDatabase database;

    @Setup
    public void setUp() {
        database = new BenchmarkDatabase().withAccounts(ROWS);
        database.session.parse("select", PlanBenchmark.SQL, new int[] {23});
        database.session.sync();
    }

    @TearDown
    public void tearDown() {
        database.close();
    }

    /** pgbench -M prepared: Bind, Execute, Sync of a statement parsed once. */
    @Benchmark
    public Object prepared() {
        Object[] parameters = {random.nextInt(ROWS) + 1};
        database.session.bind("", "select", parameters, TEXT);
        database.session.execute("", 0, listener);
        database.session.sync();
        return listener.last;
    }

    /** pgbench -M simple: the statement as a Query message, its literal different each time. */
    @Benchmark
    public Object simple() {
        database.session.simpleQuery("SELECT abalance FROM pgbench_accounts WHERE aid = " + (random.nextInt(ROWS) + 1)
                + ";", listener);
        return listener.last;
    }
}
