package io.shale.engine.distributed;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Transaction control calls to other nodes over the node's {@link InternalRpc}, one at a time or to many at once. */
final class TransactionCalls {
    private final InternalRpc rpc;
    private final Duration timeout;

    TransactionCalls(InternalRpc rpc, Duration timeout) {
        this.rpc = rpc;
        this.timeout = timeout;
    }

    InternalRpc rpc() {
        return rpc;
    }

    /** Calls {@code method} and waits for the answer; the remote failure is thrown as it came. */
    byte[] call(NodeAddress target, String method, byte[] payload) {
        return join(rpc.call(target, method, payload, timeout));
    }

    byte[] callGid(NodeAddress target, String method, String gid) {
        return call(target, method, gid.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code work} for every item at once (a virtual thread each) and waits for all; the failures, in the
     * order of the items, null where the work succeeded.
     */
    static <T> List<RuntimeException> forAll(List<T> items, Function<T, byte[]> work) {
        List<CompletableFuture<byte[]>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            CompletableFuture<byte[]> f = new CompletableFuture<>();
            if (items.size() == 1) {
                complete(f, item, work);
            } else {
                Thread.ofVirtual().name("shale-txn-call").start(() -> complete(f, item, work));
            }
            futures.add(f);
        }
        List<RuntimeException> failures = new ArrayList<>(items.size());
        for (CompletableFuture<byte[]> f : futures) {
            try {
                f.join();
                failures.add(null);
            } catch (CompletionException e) {
                failures.add(e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause()));
            }
        }
        return failures;
    }

    private static <T> void complete(CompletableFuture<byte[]> f, T item, Function<T, byte[]> work) {
        try {
            f.complete(work.apply(item));
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
        }
    }

    static byte[] join(CompletableFuture<byte[]> future) {
        try {
            return future.join();
        } catch (CancellationException e) {
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        } catch (CompletionException e) {
            if (e.getCause() instanceof ShaleException shale) {
                throw shale;
            }
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "internal call failed", e.getCause());
        }
    }
}
