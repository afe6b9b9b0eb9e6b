package io.shale.cluster.rpc;

import java.time.Duration;

/**
 * What a handler knows about the call it serves: the calling node, the method, the time left, and
 * whether the caller has given up. {@link #emit} streams parts of a large answer ahead of the final
 * one. Thread-safe.
 */
public final class RpcContext {
    private final ServerConnection connection;
    private final long requestId;
    private final NodeAddress caller;
    private final String method;
    private final long deadlineNanos;
    private volatile boolean cancelled;
    /** Chunks this call may still send; guarded by the connection's writability monitor. */
    int streamCredit = FrameDescriptor.STREAM_WINDOW;

    RpcContext(ServerConnection connection, long requestId, NodeAddress caller, String method, long deadlineNanos) {
        this.connection = connection;
        this.requestId = requestId;
        this.caller = caller;
        this.method = method;
        this.deadlineNanos = deadlineNanos;
    }

    /** The calling node, as it named itself in the handshake. */
    public NodeAddress caller() {
        return caller;
    }

    public String method() {
        return method;
    }

    /** Time left before the caller's deadline (zero or negative when it has passed). */
    public Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    /** Whether the caller gave up, the deadline passed or the channel closed: the work can stop. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Sends one chunk of a streamed answer (the caller sees chunks in order, then the final
     * answer). Waits while the caller has not consumed the chunks sent before (at most
     * {@value FrameDescriptor#STREAM_WINDOW} run ahead) or the channel's outgoing buffer is full,
     * so a slow caller slows the handler instead of filling memory on either side.
     *
     * @throws io.shale.common.error.ShaleException 57014 when the call was cancelled or its
     *     deadline passed, 08006 when the channel closed
     */
    public void emit(byte[] chunk) {
        connection.emit(this, chunk);
    }

    long requestId() {
        return requestId;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    void cancel() {
        cancelled = true;
    }
}
