package io.shale.benchmarks;

import io.shale.catalog.distribution.HashFunctions;
import io.shale.catalog.distribution.ShardIntervalIndex;
import io.shale.catalog.distribution.ShardRanges;
import io.shale.engine.distributed.ClusterHooks;
import io.shale.engine.distributed.SessionContextView;
import io.shale.engine.distributed.Task;
import io.shale.engine.distributed.TaskResult;
import io.shale.engine.distributed.TaskRunner;
import io.shale.common.types.SqlType;
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

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The distributed planner's hot paths (issue 4): hashing a distribution value and finding its shard; the per-execution
 * work of a prepared fast-path point query (bind, deferred pruning on the bound parameter, task text) with the task
 * answered by a runner that returns a canned row; and the coordinator's merge of a multi-shard GROUP BY aggregate
 * (32 shards × 100 groups of partial count/sum/avg).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ClusterBenchmark {
    private static final short[] TEXT = {};
    private static final int SHARDS = 32;
    private static final int GROUPS = 100;

    private final SplittableRandom random = new SplittableRandom(42);
    private final BenchmarkDatabase.CountingListener listener = new BenchmarkDatabase.CountingListener();
    private final ShardIntervalIndex index = new ShardIntervalIndex(ShardRanges.split(SHARDS));
    private BenchmarkDatabase database;
    private List<Object[]> partials;

    @Setup
    public void setUp() {
        database = new BenchmarkDatabase();
        database.run("CREATE TABLE events (tenant int, g int, x int, v text)");
        database.run("SELECT create_distributed_table('events', 'tenant', shard_count => " + SHARDS + ")");
        partials = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            partials.add(new Object[] {g, 10L, 55L, 55L, 10L});
        }
        database.engine.setCluster(new ClusterHooks() {
            @Override
            public TaskRunner taskRunner(SessionContextView session, TaskRunner local) {
                return ClusterBenchmark.this::answer;
            }
        });
        database.session.parse("point", "SELECT v FROM events WHERE tenant = $1", new int[] {23});
        database.session.parse("merge", "SELECT g, count(*), sum(x), avg(x) FROM events GROUP BY g ORDER BY g", new int[0]);
        database.session.sync();
    }

    private List<TaskResult> answer(List<Task> tasks) {
        List<TaskResult> results = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            if (task.sql().startsWith("SELECT v")) {
                results.add(new TaskResult(List.of(SqlType.TEXT), List.<Object[]>of(new Object[] {"value"}), 1, "SELECT 1"));
            } else {
                results.add(new TaskResult(List.of(SqlType.INT4, SqlType.INT8, SqlType.INT8, SqlType.INT8, SqlType.INT8),
                        partials, partials.size(), "SELECT " + partials.size()));
            }
        }
        return results;
    }

    @TearDown
    public void tearDown() {
        database.close();
    }

    /** hashint4 of the value, then its shard among 32 uniform ranges. */
    @Benchmark
    public int hashAndShardLookup() {
        return index.shardIndex(HashFunctions.hashInt4(random.nextInt()));
    }

    /** A prepared fast-path point query: Bind, Execute (prune on $1, make the task text, run it), Sync. */
    @Benchmark
    public Object fastPathPrepared() {
        Object[] parameters = {random.nextInt(1_000_000)};
        database.session.bind("", "point", parameters, TEXT);
        database.session.execute("", 0, listener);
        database.session.sync();
        return listener.last;
    }

    /** A prepared multi-shard aggregate: 32 task texts, then the merge of 32 × 100 partial groups, combined and sorted. */
    @Benchmark
    public Object mergeMultiShardAggregate() {
        database.session.bind("", "merge", new Object[0], TEXT);
        database.session.execute("", 0, listener);
        database.session.sync();
        return listener.last;
    }
}
