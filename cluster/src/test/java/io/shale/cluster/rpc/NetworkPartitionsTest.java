package io.shale.cluster.rpc;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.shale.cluster.rpc.RpcCallTest.bytes;
import static io.shale.cluster.rpc.RpcCallTest.failure;
import static io.shale.cluster.rpc.RpcCallTest.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Cutting the traffic between two nodes fails their calls both ways; healing lets it flow again. */
@Timeout(30)
class NetworkPartitionsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void cutFailsCallsBothWaysAndHealRestoresThem() throws Exception {
        NetworkPartitions partitions = new NetworkPartitions();
        ClusterSecret secret = ClusterSecret.generate();
        try (TestNode a = TestNode.start(secret, partitions);
             TestNode b = TestNode.start(secret, partitions);
             TestNode c = TestNode.start(secret, partitions)) {
            CompletableFuture<byte[]> never = new CompletableFuture<>();
            for (TestNode node : new TestNode[] {a, b, c}) {
                node.server.register("echo", (context, payload) -> CompletableFuture.completedFuture(payload));
                node.server.register("wait", (context, payload) -> never);
            }
            assertThat(text(a.client.call(b.address(), "echo", bytes("before"), DEADLINE).get())).isEqualTo("before");
            CompletableFuture<byte[]> inFlight = a.client.call(b.address(), "wait", new byte[0], DEADLINE);
            assertThat(a.client.call(b.address(), "echo", new byte[0], DEADLINE).get()).isEmpty();

            partitions.cut(b.address(), a.address());
            assertThat(failure(inFlight).code()).isEqualTo(ErrorCode.CONNECTION_FAILURE);
            ShaleException aToB = failure(a.client.call(b.address(), "echo", new byte[0], DEADLINE));
            assertThat(aToB.getMessage()).isEqualTo("could not connect to node " + b.address()
                    + ": the network between the nodes is cut");
            assertThat(failure(b.client.call(a.address(), "echo", new byte[0], DEADLINE)).code())
                    .isEqualTo(ErrorCode.CONNECTION_FAILURE);
            assertThat(text(a.client.call(c.address(), "echo", bytes("a-c"), DEADLINE).get())).isEqualTo("a-c");
            assertThat(partitions.isCut(a.address(), b.address())).isTrue();

            partitions.heal(a.address(), b.address());
            assertThat(text(a.client.call(b.address(), "echo", bytes("after"), DEADLINE).get())).isEqualTo("after");
            assertThat(text(b.client.call(a.address(), "echo", bytes("back"), DEADLINE).get())).isEqualTo("back");
            assertThat(a.client.connectionsOpened(b.address())).isEqualTo(2);
        }
    }
}
