package io.shale.benchmarks;

import io.shale.cluster.rpc.ClusterSecret;
import io.shale.cluster.rpc.NetworkPartitions;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcClient;
import io.shale.cluster.rpc.RpcConfig;
import io.shale.cluster.rpc.RpcServer;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.RoleCredentials;
import io.shale.engine.session.Session;
import io.shale.engine.session.SessionService;
import io.shale.wire.PgServer;
import io.shale.wire.WireConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Round trips of small internal calls (16-byte payload, echoed) over loopback, through the
 * PostgreSQL port's protocol selector, on one multiplexed channel: one caller, and 16 callers
 * sharing the channel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class RpcBenchmark {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private PgServer pg;
    private RpcServer server;
    private RpcClient client;
    private NodeAddress target;
    private final byte[] payload = new byte[16];

    @Setup(Level.Trial)
    public void start() {
        ClusterSecret secret = ClusterSecret.generate();
        NetworkPartitions partitions = new NetworkPartitions();
        AtomicReference<RpcServer> acceptor = new AtomicReference<>();
        pg = new PgServer(WireConfig.defaults(0).withInternalAcceptor((channel, pipeline) ->
                acceptor.get().accept(channel, pipeline)), new NoSessions());
        target = new NodeAddress("127.0.0.1", pg.start());
        server = new RpcServer(RpcConfig.defaults(target, secret), partitions);
        server.register("echo", (context, bytes) -> CompletableFuture.completedFuture(bytes));
        acceptor.set(server);
        client = new RpcClient(RpcConfig.defaults(new NodeAddress("127.0.0.1", 1), secret), partitions);
        client.call(target, "echo", payload, DEADLINE).join();
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
        server.close();
        pg.close();
    }

    @Benchmark
    @Threads(1)
    public byte[] oneCaller() {
        return client.call(target, "echo", payload, DEADLINE).join();
    }

    @Benchmark
    @Threads(16)
    public byte[] sixteenCallers() {
        return client.call(target, "echo", payload, DEADLINE).join();
    }

    /** The benchmark serves no PostgreSQL clients. */
    private static final class NoSessions implements SessionService {
        @Override
        public Optional<RoleCredentials> credentials(String roleName) {
            return Optional.empty();
        }

        @Override
        public Session open(String user, String database, Map<String, String> startupParameters, String remoteAddress) {
            throw ShaleException.unsupported("SQL sessions in the RPC benchmark");
        }

        @Override
        public void cancel(int processId, int secretKey) {
        }
    }
}
