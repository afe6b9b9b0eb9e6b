package io.shale.cluster.rpc;

import io.shale.common.error.ShaleException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A call of the client side, from submission until its final frame: waiting for the window, in
 * flight, or abandoned (its future already failed, its window share held until the server answers).
 * Touched only on its peer's event loop, except the future.
 */
final class PendingCall {
    final String method;
    final byte[] payload;
    final long deadlineNanos;
    /** Chunks of a streamed answer not yet taken by the caller (at most a stream window), or null. */
    final LinkedBlockingQueue<byte[]> chunks;
    final CompletableFuture<byte[]> future = new CompletableFuture<>();
    long requestId;
    boolean cancelSent;
    ScheduledFuture<?> timer;

    /** @param streamed whether the answer comes as chunks ({@link RpcStream}) */
    PendingCall(String method, byte[] payload, long deadlineNanos, boolean streamed) {
        this.method = method;
        this.payload = payload;
        this.deadlineNanos = deadlineNanos;
        this.chunks = streamed ? new LinkedBlockingQueue<>() : null;
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    long remainingMicros() {
        return Math.max(1, TimeUnit.NANOSECONDS.toMicros(remainingNanos()));
    }

    void succeed(byte[] value) {
        stopTimer();
        future.complete(value);
    }

    void fail(ShaleException error) {
        stopTimer();
        future.completeExceptionally(error);
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
