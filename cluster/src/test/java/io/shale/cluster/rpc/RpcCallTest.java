package io.shale.cluster.rpc;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Calls between two nodes over real sockets: multiplexing, errors, deadlines, streaming, reconnects. */
@Timeout(30)
class RpcCallTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final ClusterSecret secret = ClusterSecret.generate();
    private final NetworkPartitions partitions = new NetworkPartitions();
    private TestNode caller;
    private TestNode callee;

    @BeforeEach
    void start() {
        caller = TestNode.start(secret, partitions);
        callee = TestNode.start(secret, partitions);
        callee.server.register("echo", (context, payload) -> CompletableFuture.completedFuture(payload));
    }

    @AfterEach
    void stop() {
        caller.close();
        callee.close();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The ShaleException a failed future carries. */
    static ShaleException failure(CompletableFuture<byte[]> future) {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ShaleException.class);
            return (ShaleException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("call succeeded");
    }

    @Test
    void manyConcurrentCallsShareOneChannel() throws Exception {
        List<Future<List<CompletableFuture<byte[]>>>> batches = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int thread = 0; thread < 8; thread++) {
                int first = thread * 250;
                batches.add(threads.submit(() -> {
                    List<CompletableFuture<byte[]>> calls = new ArrayList<>();
                    for (int i = first; i < first + 250; i++) {
                        calls.add(caller.client.call(callee.address(), "echo", bytes("call " + i), DEADLINE));
                    }
                    return calls;
                }));
            }
            int index = 0;
            for (Future<List<CompletableFuture<byte[]>>> batch : batches) {
                for (CompletableFuture<byte[]> call : batch.get()) {
                    assertThat(text(call.get(10, TimeUnit.SECONDS))).isEqualTo("call " + index++);
                }
            }
        }
        assertThat(caller.client.connectionsOpened(callee.address())).isEqualTo(1);
        assertThat(callee.server.connectedPeers()).isEqualTo(1);
    }

    @Test
    void callByHostAndPortText() throws Exception {
        byte[] answer = caller.client.call(callee.address().toString(), "echo", bytes("hi"), DEADLINE).get();
        assertThat(text(answer)).isEqualTo("hi");
    }

    @Test
    void handlerErrorArrivesAsShaleExceptionWithSqlState() {
        callee.server.register("missing", (context, payload) -> {
            throw new ShaleException(ErrorCode.UNDEFINED_TABLE, "relation \"t_102008\" does not exist")
                    .withDetail("on the worker").withHint("run it again");
        });
        callee.server.register("broken", (context, payload) ->
                CompletableFuture.failedFuture(new IllegalStateException("bad state")));
        ShaleException missing = failure(caller.client.call(callee.address(), "missing", new byte[0], DEADLINE));
        assertThat(missing.code()).isEqualTo(ErrorCode.UNDEFINED_TABLE);
        assertThat(missing.getMessage()).isEqualTo("relation \"t_102008\" does not exist");
        assertThat(missing.detail()).isEqualTo("on the worker");
        assertThat(missing.hint()).isEqualTo("run it again");
        ShaleException broken = failure(caller.client.call(callee.address(), "broken", new byte[0], DEADLINE));
        assertThat(broken.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(broken.getMessage()).isEqualTo("remote procedure \"broken\" failed");
        ShaleException unknown = failure(caller.client.call(callee.address(), "nope", new byte[0], DEADLINE));
        assertThat(unknown.code()).isEqualTo(ErrorCode.UNDEFINED_FUNCTION);
        assertThat(unknown.getMessage()).isEqualTo("remote procedure \"nope\" does not exist");
    }

    @Test
    void deadlineFailsTheCallAndInterruptsTheHandler() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        callee.server.register("hang", (context, payload) -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return CompletableFuture.completedFuture(new byte[0]);
        });
        assertThat(text(caller.client.call(callee.address(), "echo", bytes("connect"), DEADLINE).get())).isEqualTo("connect");
        CompletableFuture<byte[]> call = caller.client.call(callee.address(), "hang", new byte[0], Duration.ofMillis(300));
        ShaleException timeout = failure(call);
        assertThat(timeout.code()).isEqualTo(ErrorCode.QUERY_CANCELED);
        assertThat(timeout.getMessage()).contains("\"hang\"").contains("deadline");
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(text(caller.client.call(callee.address(), "echo", bytes("after"), DEADLINE).get())).isEqualTo("after");
    }

    @Test
    void cancellingTheFutureCancelsTheRemoteWork() throws Exception {
        CompletableFuture<byte[]> pending = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        callee.server.register("wait", (context, payload) -> {
            started.countDown();
            return pending;
        });
        CompletableFuture<byte[]> call = caller.client.call(callee.address(), "wait", new byte[0], DEADLINE);
        assertThat(text(caller.client.call(callee.address(), "echo", bytes("x"), DEADLINE).get())).isEqualTo("x");
        // each request runs on a thread of its own: the echo's answer does not mean the handler of "wait" has run
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        call.cancel(true);
        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    }

    @Test
    void streamedChunksArriveInOrderBeforeTheAnswer() {
        callee.server.register("scan", (context, payload) -> {
            for (int i = 0; i < 100; i++) {
                context.emit(bytes("chunk " + i));
            }
            return CompletableFuture.completedFuture(bytes("done"));
        });
        List<String> chunks = new ArrayList<>();
        try (RpcStream stream = caller.client.stream(callee.address(), "scan", new byte[0], DEADLINE)) {
            for (byte[] chunk = stream.next(); chunk != null; chunk = stream.next()) {
                chunks.add(text(chunk));
            }
            assertThat(text(stream.result())).isEqualTo("done");
        }
        assertThat(chunks).hasSize(100).startsWith("chunk 0", "chunk 1").endsWith("chunk 99");
    }

    @Test
    void slowStreamReaderHoldsTheHandlerBack() {
        AtomicInteger emitted = new AtomicInteger();
        callee.server.register("scan", (context, payload) -> {
            for (int i = 0; i < 200; i++) {
                context.emit(new byte[] {(byte) i});
                emitted.incrementAndGet();
            }
            return CompletableFuture.failedFuture(new ShaleException(ErrorCode.DISK_FULL, "could not extend file"));
        });
        try (RpcStream stream = caller.client.stream(callee.address(), "scan", new byte[0], DEADLINE)) {
            int taken = 0;
            byte[] chunk = stream.next();
            while (chunk != null && taken < 199) {
                assertThat(chunk[0]).isEqualTo((byte) taken);
                taken++;
                assertThat(emitted.get()).isLessThanOrEqualTo(taken + FrameDescriptor.STREAM_WINDOW);
                chunk = stream.next();
            }
            assertThat(taken).isEqualTo(199);
            assertThatThrownBy(stream::next).isInstanceOfSatisfying(ShaleException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DISK_FULL));
        }
    }

    @Test
    void closingAStreamEarlyCancelsTheHandler() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        callee.server.register("endless", (context, payload) -> {
            try {
                while (true) {
                    context.emit(new byte[64]);
                }
            } catch (ShaleException e) {
                stopped.countDown();
                throw e;
            }
        });
        try (RpcStream stream = caller.client.stream(callee.address(), "endless", new byte[0], DEADLINE)) {
            for (int i = 0; i < 50; i++) {
                assertThat(stream.next()).hasSize(64);
            }
        }
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(text(caller.client.call(callee.address(), "echo", bytes("still"), DEADLINE).get())).isEqualTo("still");
    }

    @Test
    void lostChannelFailsCallsInFlight() {
        CompletableFuture<byte[]> never = new CompletableFuture<>();
        callee.server.register("wait", (context, payload) -> never);
        CompletableFuture<byte[]> call = caller.client.call(callee.address(), "wait", new byte[0], DEADLINE);
        assertThat(caller.client.call(callee.address(), "echo", new byte[0], DEADLINE).join()).isEmpty();
        callee.close();
        ShaleException lost = failure(call);
        assertThat(lost.code()).isEqualTo(ErrorCode.CONNECTION_FAILURE);
        assertThat(lost.getMessage()).startsWith("connection to node " + callee.address());
    }

    @Test
    void reconnectsAfterTheServerRestartsOnTheSamePort() throws Exception {
        assertThat(text(caller.client.call(callee.address(), "echo", bytes("one"), DEADLINE).get())).isEqualTo("one");
        NodeAddress address = callee.address();
        callee.close();
        ShaleException down = failure(caller.client.call(address, "echo", bytes("down"), DEADLINE));
        assertThat(down.code()).isEqualTo(ErrorCode.CONNECTION_FAILURE);
        callee = TestNode.start(secret, partitions, address.port(), config -> config);
        callee.server.register("echo", (context, payload) -> CompletableFuture.completedFuture(payload));
        String answer = null;
        for (int attempt = 0; attempt < 50 && answer == null; attempt++) {
            try {
                answer = text(caller.client.call(address, "echo", bytes("two"), DEADLINE).get());
            } catch (ExecutionException e) {
                assertThat(((ShaleException) e.getCause()).code()).isEqualTo(ErrorCode.CONNECTION_FAILURE);
            }
        }
        assertThat(answer).isEqualTo("two");
        assertThat(caller.client.connectionsOpened(address)).isEqualTo(2);
    }

    @Test
    void peerThatIsNotAShaleNodeFailsTheCall() throws Exception {
        try (ServerSocket postgres = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread fake = Thread.ofVirtual().start(() -> {
                try (Socket socket = postgres.accept()) {
                    socket.getInputStream().readNBytes(8);
                    socket.getOutputStream().write("E\0\0\0\u0010SFATAL\0\0".getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().read();
                } catch (IOException e) {
                    // the client hung up
                }
            });
            NodeAddress address = new NodeAddress("127.0.0.1", postgres.getLocalPort());
            ShaleException refused = failure(caller.client.call(address, "echo", new byte[0], DEADLINE));
            assertThat(refused.code()).isEqualTo(ErrorCode.CONNECTION_FAILURE);
            assertThat(refused.getMessage()).isEqualTo("could not connect to node " + address
                    + ": the node did not answer with Shale's internal protocol");
            fake.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void oversizedPayloadsFailOnlyTheirCall() throws Exception {
        try (TestNode small = TestNode.start(secret, partitions, 0, config -> config.withMaxFrameSize(2048))) {
            small.server.register("big", (context, payload) -> CompletableFuture.completedFuture(new byte[4096]));
            small.server.register("echo", (context, payload) -> CompletableFuture.completedFuture(payload));
            ShaleException answer = failure(caller.client.call(small.address(), "big", new byte[0], DEADLINE));
            assertThat(answer.code()).isEqualTo(ErrorCode.PROGRAM_LIMIT_EXCEEDED);
            assertThat(answer.getMessage()).isEqualTo("remote call answer of 4096 bytes exceeds the frame limit of 2048 bytes");
            assertThat(caller.client.call(small.address(), "echo", new byte[100], DEADLINE).get()).hasSize(100);
            ShaleException request = failure(small.client.call(callee.address(), "echo", new byte[4096], DEADLINE));
            assertThat(request.code()).isEqualTo(ErrorCode.PROGRAM_LIMIT_EXCEEDED);
            assertThat(caller.client.connectionsOpened(small.address())).isEqualTo(1);
        }
    }

    @Test
    void failedAttemptsBackOffExponentially() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        NodeAddress nowhere = new NodeAddress("127.0.0.1", freePort);
        Duration initial = Duration.ofMillis(300);
        try (TestNode node = TestNode.start(secret, partitions, 0, config -> config.withBackoff(initial, Duration.ofSeconds(2)))) {
            long start = System.nanoTime();
            long[] failedAfter = new long[3];
            for (int attempt = 0; attempt < 3; attempt++) {
                ShaleException refused = failure(node.client.call(nowhere, "echo", new byte[0], DEADLINE));
                failedAfter[attempt] = System.nanoTime() - start;
                assertThat(refused.code()).isEqualTo(ErrorCode.CONNECTION_FAILURE);
                assertThat(refused.getMessage()).startsWith("could not connect to node " + nowhere + ": ");
            }
            // the second attempt waits 300 ms after the first failed, the third 600 ms after the second
            assertThat(Duration.ofNanos(failedAfter[1])).isGreaterThanOrEqualTo(initial);
            assertThat(Duration.ofNanos(failedAfter[2])).isGreaterThanOrEqualTo(initial.multipliedBy(3));
        }
    }

    @Test
    void closedClientFailsCalls() {
        caller.client.close();
        ShaleException closed = failure(caller.client.call(callee.address(), "echo", new byte[0], DEADLINE));
        assertThat(closed.code()).isEqualTo(ErrorCode.ADMIN_SHUTDOWN);
    }
}
