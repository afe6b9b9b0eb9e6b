package io.shale.cluster.node;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcContext;
import io.shale.cluster.rpc.RpcHandler;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Internal calls that carry the sender's catalog version, so that a receiver that is behind
 * catches up before it serves the call (CLUSTER.md, point 3). Every payload is prefixed with a
 * small header:
 *
 * <pre>
 *   0         1                   9
 *   +---------+-------------------+-------------+
 *   | version | catalog version   | payload     |
 *   | int8 =1 | int64             | the rest    |
 *   +---------+-------------------+-------------+
 * </pre>
 *
 * Callers use {@link #call}; servers register through {@link #serve}, which strips the header and
 * calls {@link CatalogVersions#catchUp} first when the caller's version is newer. Thread-safe.
 */
public final class ClusterCalls {
    /** Format version of the header. */
    public static final byte HEADER_VERSION = 1;
    /** Bytes in front of every payload. */
    public static final int HEADER_LENGTH = 9;

    /** The local catalog version and how to catch up with a newer one. */
    public interface CatalogVersions {
        /** The version of the catalog this node plans against. */
        long catalogVersion();

        /** Brings this node to at least {@code version}, pulling from {@code holder}, which has it. */
        void catchUp(NodeAddress holder, long version);
    }

    private final ClusterEndpoint endpoint;
    private final CatalogVersions versions;

    public ClusterCalls(ClusterEndpoint endpoint, CatalogVersions versions) {
        this.endpoint = endpoint;
        this.versions = versions;
    }

    public ClusterEndpoint endpoint() {
        return endpoint;
    }

    /** Calls {@code method} on {@code target} with the header in front of {@code payload}. */
    public CompletableFuture<byte[]> call(NodeAddress target, String method, byte[] payload, Duration deadline) {
        return endpoint.client().call(target, method, withHeader(versions.catalogVersion(), payload), deadline);
    }

    /** {@link #call} and wait; the remote failure is rethrown as the ShaleException it was. */
    public byte[] callAndWait(NodeAddress target, String method, byte[] payload, Duration deadline) {
        return await(call(target, method, payload, deadline));
    }

    /** Waits for a call's answer, rethrowing its failure as a ShaleException. */
    public static byte[] await(CompletableFuture<byte[]> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShaleException(ErrorCode.QUERY_CANCELED, "canceling statement due to user request");
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(e.getCause());
        }
    }

    static ShaleException unwrap(Throwable cause) {
        if (cause instanceof ShaleException shale) {
            return shale;
        }
        if (cause instanceof CompletionException || cause instanceof ExecutionException) {
            return unwrap(cause.getCause());
        }
        return new ShaleException(ErrorCode.INTERNAL_ERROR, String.valueOf(cause.getMessage()), cause);
    }

    /** Serves {@code method}: strips the header and catches up first when the caller is ahead. */
    public void serve(String method, RpcHandler handler) {
        endpoint.register(method, (context, payload) -> {
            long callerVersion = headerVersion(payload);
            if (callerVersion > versions.catalogVersion()) {
                versions.catchUp(callerAddress(context), callerVersion);
            }
            return handler.handle(context, Arrays.copyOfRange(payload, HEADER_LENGTH, payload.length));
        });
    }

    /** Serves {@code method} without catching up (the catalog sync calls themselves). */
    void serveWithoutCatchUp(String method, RpcHandler handler) {
        endpoint.register(method, (context, payload) -> {
            headerVersion(payload);
            return handler.handle(context, Arrays.copyOfRange(payload, HEADER_LENGTH, payload.length));
        });
    }

    private static NodeAddress callerAddress(RpcContext context) {
        return context.caller();
    }

    static byte[] withHeader(long version, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
        buffer.put(HEADER_VERSION).putLong(version).put(payload);
        return buffer.array();
    }

    static long headerVersion(byte[] payload) {
        if (payload.length < HEADER_LENGTH || payload[0] != HEADER_VERSION) {
            throw new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "internal request without a valid catalog version header");
        }
        return ByteBuffer.wrap(payload, 1, 8).getLong();
    }
}
