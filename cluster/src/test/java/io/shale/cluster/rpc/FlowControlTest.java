package io.shale.cluster.rpc;

import io.shale.common.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.shale.cluster.rpc.RpcCallTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** A peer that does not answer holds at most one window of calls; the rest wait or fail, never pile up. */
@Timeout(30)
class FlowControlTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void handlerThatNeverCompletesHoldsOnlyTheWindow() throws Exception {
        NetworkPartitions partitions = new NetworkPartitions();
        ClusterSecret secret = ClusterSecret.generate();
        LinkedBlockingQueue<CompletableFuture<byte[]>> started = new LinkedBlockingQueue<>();
        try (TestNode caller = TestNode.start(secret, partitions, 0, config -> config.withWindow(4, 1 << 20, 3));
             TestNode callee = TestNode.start(secret, partitions, 0, config -> config.withWindow(4, 1 << 20, 3))) {
            callee.server.register("stuck", (context, payload) -> {
                CompletableFuture<byte[]> answer = new CompletableFuture<>();
                started.add(answer);
                return answer;
            });
            callee.server.register("echo", (context, payload) -> CompletableFuture.completedFuture(payload));
            caller.client.call(callee.address(), "echo", new byte[0], DEADLINE).get(10, TimeUnit.SECONDS);
            List<CompletableFuture<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                calls.add(caller.client.call(callee.address(), "stuck", new byte[] {(byte) i}, DEADLINE));
            }
            List<CompletableFuture<byte[]>> served = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                served.add(started.poll(10, TimeUnit.SECONDS));
            }
            CompletableFuture<byte[]> beyond = caller.client.call(callee.address(), "stuck", new byte[0], DEADLINE);
            assertThat(failure(beyond).code()).isEqualTo(ErrorCode.OUT_OF_MEMORY);
            assertThat(caller.client.inFlightCalls(callee.address())).isEqualTo(4);
            assertThat(started).isEmpty();
            assertThat(calls).noneMatch(CompletableFuture::isDone);

            served.getFirst().complete(new byte[] {42});
            assertThat(calls.getFirst().get(10, TimeUnit.SECONDS)).containsExactly(42);
            CompletableFuture<byte[]> next = started.poll(10, TimeUnit.SECONDS);
            assertThat(next).isNotNull();
            assertThat(caller.client.inFlightCalls(callee.address())).isEqualTo(4);
            assertThat(started).isEmpty();
        }
    }

    @Test
    void byteWindowLetsOneLargeRequestThroughAtATime() throws Exception {
        NetworkPartitions partitions = new NetworkPartitions();
        ClusterSecret secret = ClusterSecret.generate();
        LinkedBlockingQueue<CompletableFuture<byte[]>> started = new LinkedBlockingQueue<>();
        try (TestNode caller = TestNode.start(secret, partitions, 0, config -> config.withWindow(100, 1000, 10));
             TestNode callee = TestNode.start(secret, partitions, 0, config -> config.withWindow(100, 1000, 10))) {
            callee.server.register("stuck", (context, payload) -> {
                CompletableFuture<byte[]> answer = new CompletableFuture<>();
                started.add(answer);
                return answer;
            });
            CompletableFuture<byte[]> first = caller.client.call(callee.address(), "stuck", new byte[1500], DEADLINE);
            CompletableFuture<byte[]> second = caller.client.call(callee.address(), "stuck", new byte[10], DEADLINE);
            CompletableFuture<byte[]> firstServed = started.poll(10, TimeUnit.SECONDS);
            assertThat(caller.client.inFlightCalls(callee.address())).isEqualTo(1);
            firstServed.complete(new byte[0]);
            first.get(10, TimeUnit.SECONDS);
            started.poll(10, TimeUnit.SECONDS).complete(new byte[] {7});
            assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(7);
        }
    }
}
