package io.shale.benchmarks;

import io.shale.common.types.BinaryCodec;
import io.shale.common.types.FormatSettings;
import io.shale.common.types.SqlType;
import io.shale.common.types.TextCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

/** The values of one DataRow (int4, int8, numeric, text, timestamp) in text and in binary format. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RowEncodingBenchmark {
    private static final SqlType[] TYPES = {SqlType.INT4, SqlType.INT8, SqlType.NUMERIC, SqlType.TEXT,
            SqlType.TIMESTAMP};

    private final Object[] row = {123_456, 9_876_543_210L, new BigDecimal("-12345.678"),
            "a text value of some length", LocalDateTime.of(2026, 11, 21, 23, 59, 58, 123_456_000)};
    private final FormatSettings settings = FormatSettings.defaults();

    @Benchmark
    public void text(Blackhole blackhole) {
        for (int i = 0; i < TYPES.length; i++) {
            blackhole.consume(TextCodec.format(TYPES[i], row[i], settings));
        }
    }

    @Benchmark
    public void binary(Blackhole blackhole) {
        for (int i = 0; i < TYPES.length; i++) {
            blackhole.consume(BinaryCodec.encode(TYPES[i], row[i], settings));
        }
    }
}
