package io.shale.server;

import io.shale.cluster.node.ClusterCalls;
import io.shale.cluster.node.ClusterEndpoint;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcHandler;
import io.shale.cluster.rpc.RpcStream;
import io.shale.engine.Engine;
import io.shale.engine.distributed.InternalRpc;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The internal RPC of a node as distributed transactions use it: every call and streamed call carries the node's
 * catalog version ({@link ClusterCalls}), so that a worker behind on the catalog catches up before it runs a task.
 */
final class NodeInternalRpc implements InternalRpc {
    private final ClusterCalls calls;
    private final ClusterEndpoint endpoint;
    private final Engine engine;

    NodeInternalRpc(ClusterCalls calls, ClusterEndpoint endpoint, Engine engine) {
        this.calls = calls;
        this.endpoint = endpoint;
        this.engine = engine;
    }

    @Override
    public CompletableFuture<byte[]> call(NodeAddress target, String method, byte[] payload, Duration deadline) {
        return calls.call(target, method, payload, deadline);
    }

    @Override
    public RpcStream stream(NodeAddress target, String method, byte[] payload, Duration deadline) {
        ByteBuffer withHeader = ByteBuffer.allocate(ClusterCalls.HEADER_LENGTH + payload.length);
        withHeader.put(ClusterCalls.HEADER_VERSION).putLong(engine.catalog().version()).put(payload);
        return endpoint.client().stream(target, method, withHeader.array(), deadline);
    }

    @Override
    public void serve(String method, RpcHandler handler) {
        calls.serve(method, handler);
    }

    @Override
    public void onPeerLost(Consumer<NodeAddress> listener) {
        endpoint.onPeerLost(listener);
    }
}
