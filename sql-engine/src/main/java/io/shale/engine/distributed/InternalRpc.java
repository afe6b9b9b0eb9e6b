package io.shale.engine.distributed;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcClient;
import io.shale.cluster.rpc.RpcHandler;
import io.shale.cluster.rpc.RpcServer;
import io.shale.cluster.rpc.RpcStream;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The internal RPC distributed transactions use: calls and streamed calls to other nodes, the methods this node
 * serves, and the news that a peer's channel dropped. A node whose calls carry more (the catalog version header)
 * implements it over its own call layer; {@link #direct} is the plain RPC.
 */
public interface InternalRpc {
    CompletableFuture<byte[]> call(NodeAddress target, String method, byte[] payload, Duration deadline);

    RpcStream stream(NodeAddress target, String method, byte[] payload, Duration deadline);

    void serve(String method, RpcHandler handler);

    /** Calls {@code listener} with the peer of every internal channel to this node that closes. */
    void onPeerLost(Consumer<NodeAddress> listener);

    /** Plain RPC over a server and a client (looked up at each use, for nodes that create them late). */
    static InternalRpc direct(Supplier<RpcServer> server, Supplier<RpcClient> client) {
        return new InternalRpc() {
            @Override
            public CompletableFuture<byte[]> call(NodeAddress target, String method, byte[] payload, Duration deadline) {
                return client.get().call(target, method, payload, deadline);
            }

            @Override
            public RpcStream stream(NodeAddress target, String method, byte[] payload, Duration deadline) {
                return client.get().stream(target, method, payload, deadline);
            }

            @Override
            public void serve(String method, RpcHandler handler) {
                server.get().register(method, handler);
            }

            @Override
            public void onPeerLost(Consumer<NodeAddress> listener) {
                server.get().onPeerLost(listener);
            }
        };
    }
}
