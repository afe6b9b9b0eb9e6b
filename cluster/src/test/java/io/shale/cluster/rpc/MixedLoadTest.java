package io.shale.cluster.rpc;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random mixes of fast, slow, failing, timed-out and cancelled calls through a small window: every
 * call ends, and the window is whole again afterwards (no credit leaks).
 */
@Timeout(60)
class MixedLoadTest {

    @Test
    void everyCallEndsAndTheWindowRefills() throws Exception {
        long seed = System.nanoTime();
        System.out.println("MixedLoadTest seed " + seed);
        Random random = new Random(seed);
        NetworkPartitions partitions = new NetworkPartitions();
        ClusterSecret secret = ClusterSecret.generate();
        try (TestNode caller = TestNode.start(secret, partitions, 0, config -> config.withWindow(8, 4096, 5000));
             TestNode callee = TestNode.start(secret, partitions, 0, config -> config.withWindow(8, 4096, 5000))) {
            callee.server.register("echo", (context, payload) -> CompletableFuture.completedFuture(payload));
            callee.server.register("slow", (context, payload) -> CompletableFuture.supplyAsync(() -> payload,
                    CompletableFuture.delayedExecutor(payload[0], TimeUnit.MILLISECONDS)));
            callee.server.register("fail", (context, payload) -> {
                throw new ShaleException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
            });
            List<CompletableFuture<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                byte[] payload = new byte[1 + random.nextInt(300)];
                payload[0] = (byte) random.nextInt(20);
                CompletableFuture<byte[]> call = switch (random.nextInt(5)) {
                    case 0 -> caller.client.call(callee.address(), "echo", payload, Duration.ofSeconds(30));
                    case 1 -> caller.client.call(callee.address(), "slow", payload, Duration.ofSeconds(30));
                    case 2 -> caller.client.call(callee.address(), "fail", payload, Duration.ofSeconds(30));
                    case 3 -> caller.client.call(callee.address(), "slow", payload, Duration.ofMillis(random.nextInt(20)));
                    default -> {
                        CompletableFuture<byte[]> cancelled = caller.client.call(callee.address(), "slow", payload,
                                Duration.ofSeconds(30));
                        cancelled.cancel(true);
                        yield cancelled;
                    }
                };
                calls.add(call);
            }
            for (CompletableFuture<byte[]> call : calls) {
                try {
                    call.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ShaleException.class);
                } catch (CancellationException e) {
                    assertThat(call.isCancelled()).isTrue();
                }
            }
            int inFlight = caller.client.inFlightCalls(callee.address());
            for (int poll = 0; poll < 100_000 && inFlight > 0; poll++) {
                inFlight = caller.client.inFlightCalls(callee.address());
            }
            assertThat(inFlight).isZero();
            byte[] after = caller.client.call(callee.address(), "echo", new byte[] {1}, Duration.ofSeconds(10)).get();
            assertThat(after).containsExactly(1);
            assertThat(caller.client.connectionsOpened(callee.address())).isEqualTo(1);
        }
    }
}
