package io.shale.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One connection on Netty's EmbeddedChannel: the test writes client bytes, waits until the
 * connection's worker has answered everything and is waiting for input (or has ended), then reads
 * the server's bytes. Only one side touches the channel at a time.
 */
final class WireHarness implements AutoCloseable {
    final EmbeddedChannel channel;
    private final ConnectionHandler handler;

    WireHarness(FakeSessionService service, List<AuthRule> rules, int maxMessageSize) {
        handler = new ConnectionHandler(service, rules, null);
        channel = new EmbeddedChannel(new PgDecoder(maxMessageSize, false), handler);
    }

    WireHarness(FakeSessionService service) {
        this(service, AuthRule.trustLocal(), WireConfig.DEFAULT_MAX_MESSAGE_SIZE);
    }

    /** Sends client bytes and returns everything the server wrote in answer. */
    byte[] send(byte[] data) {
        channel.writeInbound(Unpooled.wrappedBuffer(data));
        awaitQuiet();
        return drain();
    }

    byte[] send(Bytes data) {
        return send(data.bytes());
    }

    /** Sends a normal startup for {@code user} and returns the answer. */
    byte[] startup(String user) {
        return send(Bytes.of().frame(PgDecoder.PROTOCOL_3_0, "user", user, "database", "db",
                "application_name", "test", "", new byte[0]));
    }

    void awaitQuiet() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!handler.queue().isIdle() && handler.worker().isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("worker did not become idle");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Waits for the worker to end (after FATAL or Terminate). */
    void awaitEnd() throws InterruptedException {
        if (!handler.worker().join(java.time.Duration.ofSeconds(10))) {
            throw new AssertionError("worker did not end");
        }
    }

    byte[] drain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object message = channel.readOutbound(); message != null; message = channel.readOutbound()) {
            ByteBuf buf = (ByteBuf) message;
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** The message type bytes of a server answer, in order, for example {@code "TDCZ"}. */
    static String types(byte[] answer) {
        StringBuilder types = new StringBuilder();
        int i = 0;
        while (i + 5 <= answer.length) {
            types.append((char) answer[i]);
            int length = ((answer[i + 1] & 0xff) << 24) | ((answer[i + 2] & 0xff) << 16)
                    | ((answer[i + 3] & 0xff) << 8) | (answer[i + 4] & 0xff);
            i += 1 + length;
        }
        if (i != answer.length) {
            throw new AssertionError("answer does not end on a message boundary");
        }
        return types.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (channel.isOpen()) {
            channel.close();
        }
        awaitEnd();
        channel.finishAndReleaseAll();
    }
}
