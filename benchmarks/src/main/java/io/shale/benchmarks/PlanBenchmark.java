package io.shale.benchmarks;

import io.shale.engine.session.StatementDescription;
import io.shale.grammar.ParsedStatement;
import io.shale.grammar.SqlParser;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parse, analysis and planning of pgbench's select-only statement, as a Parse message of the
 * extended protocol does them ({@code -M extended} pays this on every transaction).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PlanBenchmark {
    static final String SQL = "SELECT abalance FROM pgbench_accounts WHERE aid = $1";
    private static final int[] INT4 = {23};

    private final SqlParser parser = new SqlParser();
    private BenchmarkDatabase database;

    @Setup
    public void setUp() {
        database = new BenchmarkDatabase().withAccounts(1000);
    }

    @TearDown
    public void tearDown() {
        database.close();
    }

    /** The grammar alone: SQL text to AST. */
    @Benchmark
    public List<ParsedStatement> parse() {
        return parser.parseScript(SQL);
    }

    /** Parse + analyze + optimize + describe through the session (the Parse message). */
    @Benchmark
    public StatementDescription parseAnalyzePlan() {
        return database.session.parse("", SQL, INT4);
    }
}
