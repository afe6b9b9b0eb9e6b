package io.shale.cluster.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static io.shale.cluster.rpc.RpcCallTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** Only holders of the cluster secret make calls; the secret never travels. */
@Timeout(30)
class RpcSecurityTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private final NetworkPartitions partitions = new NetworkPartitions();

    @Test
    void wrongSecretIsRefusedWithAClearError() {
        try (TestNode caller = TestNode.start(ClusterSecret.generate(), partitions);
             TestNode callee = TestNode.start(ClusterSecret.generate(), partitions)) {
            callee.server.register("echo", (context, payload) -> CompletableFuture.completedFuture(payload));
            ShaleException refused = failure(caller.client.call(callee.address(), "echo", new byte[0], DEADLINE));
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_PASSWORD);
            assertThat(refused.getMessage()).isEqualTo("cluster secret of node " + callee.address()
                    + " does not match that of node " + caller.address());
            assertThat(callee.server.connectedPeers()).isZero();
        }
    }

    @Test
    void nodeWithoutSecretRefusesInternalConnections() {
        try (TestNode caller = TestNode.start(ClusterSecret.generate(), partitions);
             TestNode callee = TestNode.start(null, partitions)) {
            callee.server.register("echo", (context, payload) -> CompletableFuture.completedFuture(payload));
            ShaleException refused = failure(caller.client.call(callee.address(), "echo", new byte[0], DEADLINE));
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION);
            assertThat(refused.getMessage()).isEqualTo("node " + callee.address() + " does not accept internal connections");
            ShaleException cannotCall = failure(callee.client.call(caller.address(), "echo", new byte[0], DEADLINE));
            assertThat(cannotCall.getMessage()).isEqualTo("node " + callee.address()
                    + " has no cluster secret and cannot make internal calls");
        }
    }

    @Test
    void rawConnectionWithTheMagicCannotCall() throws IOException {
        AtomicInteger served = new AtomicInteger();
        try (TestNode node = TestNode.start(ClusterSecret.generate(), partitions)) {
            node.server.register("echo", (context, payload) -> {
                served.incrementAndGet();
                return CompletableFuture.completedFuture(payload);
            });
            Frame.Failure skipped = exchange(node, new Frame.Request(1, 1_000_000, "echo", new byte[] {1}));
            assertThat(skipped.sqlState()).isEqualTo(ErrorCode.PROTOCOL_VIOLATION.sqlState());
            Frame.Failure forged = exchange(node, new Frame.Hello(FrameDescriptor.VERSION, "127.0.0.1:1", new byte[32]),
                    new Frame.Proof(new byte[32]), new Frame.Request(1, 1_000_000, "echo", new byte[] {1}));
            assertThat(forged.sqlState()).isEqualTo(ErrorCode.INVALID_PASSWORD.sqlState());
            assertThat(served).hasValue(0);
        }
    }

    @Test
    void clientRejectsAServerThatDoesNotKnowTheSecret() throws IOException {
        UnaryOperator<RpcConfig> tweak = config -> config.withBackoff(Duration.ZERO, Duration.ZERO);
        try (TestNode caller = TestNode.start(ClusterSecret.generate(), partitions, 0, tweak);
             TestNode impostor = TestNode.start(ClusterSecret.of("a guessed secret value"), partitions)) {
            ShaleException refused = failure(caller.client.call(impostor.address(), "echo", new byte[0], DEADLINE));
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_PASSWORD);
            assertThat(caller.client.connectionsOpened(impostor.address())).isZero();
        }
    }

    /** Sends the magic and {@code frames} on a raw socket; returns the FAILURE the server answers before closing. */
    private static Frame.Failure exchange(TestNode node, Frame... frames) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", node.address().port())) {
            socket.setSoTimeout(10_000);
            ByteBuf out = Unpooled.buffer();
            out.writeBytes(Magic.PLAIN);
            for (Frame frame : frames) {
                FrameDescriptor.write(frame, out);
            }
            socket.getOutputStream().write(ByteBufUtil.getBytes(out));
            byte[] answer = readToEnd(socket.getInputStream());
            ByteBuf in = Unpooled.wrappedBuffer(answer);
            Frame last = null;
            while (in.isReadable()) {
                int length = in.getInt(in.readerIndex());
                last = FrameDescriptor.read(in.readSlice(4 + length));
            }
            assertThat(last).isInstanceOf(Frame.Failure.class);
            return (Frame.Failure) last;
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
