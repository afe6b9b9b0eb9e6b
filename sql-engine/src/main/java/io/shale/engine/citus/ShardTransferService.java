package io.shale.engine.citus;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.Engine;
import io.shale.engine.distributed.InternalRpc;
import io.shale.engine.distributed.NodeDirectory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;

/**
 * The internal request {@code shard.transfer} of online shard moves ({@link ShardTransferCodec}): the coordinator asks
 * the source node to copy a shard relation's keys as of a pinned snapshot, and then the changes after it; the source
 * pushes them in batches straight to the target node (WRITE requests), which writes them in local transactions; and
 * it asks every node to wait for the writers its write block holds back (AWAIT_WRITERS).
 * Requests run on their own virtual thread; a request for this node's own group is answered in the caller's thread.
 */
public final class ShardTransferService implements TransferBatch.Pusher {
    /** The RPC method name. */
    public static final String METHOD = "shard.transfer";
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private final Engine engine;
    private final InternalRpc rpc;
    private final NodeDirectory directory;
    private final IntSupplier localGroup;
    private final ShardStreams streams;

    public ShardTransferService(Engine engine, InternalRpc rpc, NodeDirectory directory, IntSupplier localGroup) {
        this.engine = engine;
        this.rpc = rpc;
        this.directory = directory;
        this.localGroup = localGroup;
        this.streams = new ShardStreams(engine::store, new CatalogStorageIds(engine::catalog), this);
    }

    /** Serves {@code shard.transfer} on this node; a lost peer's snapshots are closed. */
    public void register() {
        rpc.serve(METHOD, (context, payload) -> {
            CompletableFuture<byte[]> answer = new CompletableFuture<>();
            Thread.ofVirtual().name("shard-transfer").start(() -> {
                try {
                    answer.complete(answer(payload, context.caller()));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
            return answer;
        });
        rpc.onPeerLost(streams::closeOpenedBy);
    }

    /** Sends {@code request} to the node of {@code groupId} (this node's own group answered here) and waits. */
    public byte[] call(int groupId, byte[] request) {
        return await(groupId, send(groupId, request));
    }

    @Override
    public CompletableFuture<byte[]> send(int groupId, byte[] request) {
        if (groupId == localGroup.getAsInt()) {
            try {
                return CompletableFuture.completedFuture(answer(request, null));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return rpc.call(directory.addressOf(groupId), METHOD, request, DEADLINE);
    }

    @Override
    public byte[] await(int groupId, CompletableFuture<byte[]> answer) {
        try {
            return answer.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ShaleException s) {
                throw s;
            }
            throw unreachable(groupId, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(groupId, e);
        }
    }

    /** AWAIT_WRITERS is the engine's; the other requests are the streams'. */
    private byte[] answer(byte[] payload, Object caller) {
        if (payload.length == 9 && payload[0] == ShardTransferCodec.AWAIT_WRITERS) {
            try {
                engine.awaitMoveWriters(ByteBuffer.wrap(payload, 1, 8).getLong());
                return new byte[] {1};
            } catch (ShaleException e) {
                if (e.code() == ErrorCode.LOCK_NOT_AVAILABLE) {
                    return new byte[] {0};
                }
                throw e;
            }
        }
        return streams.handle(payload, caller);
    }

    private static ShaleException unreachable(int groupId, Throwable cause) {
        return new ShaleException(ErrorCode.CONNECTION_FAILURE, "could not reach the node of group " + groupId
                + " while moving a shard: " + (cause == null || cause.getMessage() == null ? "no answer"
                : cause.getMessage()));
    }
}
