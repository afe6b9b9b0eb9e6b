package io.shale.cluster.rpc;

import java.util.concurrent.CompletableFuture;

/**
 * Serves one remote procedure. Runs on a virtual thread of the server (it may block); a thrown
 * exception or a failed future goes back to the caller as its SQLSTATE and message (a
 * {@link io.shale.common.error.ShaleException} keeps its code, detail and hint, anything else
 * becomes XX000). When the caller gives up or the deadline passes, the returned future is cancelled
 * and a handler still running is interrupted; long work should check {@link RpcContext#isCancelled()}.
 */
@FunctionalInterface
public interface RpcHandler {
    CompletableFuture<byte[]> handle(RpcContext context, byte[] payload);
}
