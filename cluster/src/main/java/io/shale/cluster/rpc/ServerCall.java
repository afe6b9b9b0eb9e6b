package io.shale.cluster.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;

/**
 * One request being served: runs its handler on a virtual thread and can be cancelled from the
 * event loop at any moment (before, during or after the handler call).
 */
final class ServerCall {
    final RpcContext context;
    final int payloadBytes;
    ScheduledFuture<?> deadlineTimer;
    private Thread runner;
    private CompletableFuture<byte[]> result;
    private boolean cancelled;

    ServerCall(RpcContext context, int payloadBytes) {
        this.context = context;
        this.payloadBytes = payloadBytes;
    }

    /** Runs the handler on the current (virtual) thread; {@code done} receives the outcome. */
    void run(RpcHandler handler, byte[] payload, BiConsumer<byte[], Throwable> done) {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            runner = Thread.currentThread();
        }
        CompletableFuture<byte[]> future;
        try {
            future = handler.handle(context, payload);
            if (future == null) {
                future = CompletableFuture.failedFuture(new IllegalStateException("handler returned no future"));
            }
        } catch (Throwable e) {
            future = CompletableFuture.failedFuture(e);
        }
        synchronized (this) {
            runner = null;
            result = future;
            if (cancelled) {
                future.cancel(true);
            }
        }
        Thread.interrupted();
        future.whenComplete(done);
    }

    /** Stops the work: cancels the handler's future, or interrupts the handler while it runs. */
    void cancel() {
        context.cancel();
        synchronized (this) {
            cancelled = true;
            if (runner != null) {
                runner.interrupt();
            }
            if (result != null) {
                result.cancel(true);
            }
        }
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
        }
    }
}
