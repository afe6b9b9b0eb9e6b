package io.shale.cluster.node;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.shale.cluster.rpc.ClusterSecret;
import io.shale.cluster.rpc.NetworkPartitions;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcClient;
import io.shale.cluster.rpc.RpcConfig;
import io.shale.cluster.rpc.RpcHandler;
import io.shale.cluster.rpc.RpcServer;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node's internal RPC, both sides, created before the node knows its own address: the PostgreSQL
 * port hands internal connections to {@link #accept} (closed until {@link #start}), and
 * {@link #start} creates the server and client once the port is bound. Handlers registered before
 * the start are installed then. Thread-safe; {@link #close()} stops client then server.
 */
public final class ClusterEndpoint implements AutoCloseable {
    private final ClusterSecret secret;
    private final boolean tls;
    private final Path trustCertificates;
    private final NetworkPartitions partitions;
    private final Map<String, RpcHandler> handlers = new LinkedHashMap<>();
    private final java.util.List<java.util.function.Consumer<NodeAddress>> peerLostListeners = new java.util.ArrayList<>();
    private volatile RpcServer server;
    private volatile RpcClient client;
    private volatile NodeAddress self;
    private boolean closed;

    /**
     * @param secret the cluster secret, or null: the node then refuses internal connections and cannot call
     * @param tls whether the node has a certificate (internal traffic then uses TLS both ways)
     * @param trustCertificates PEM certificates peers must chain to, or null to accept any
     */
    public ClusterEndpoint(ClusterSecret secret, boolean tls, Path trustCertificates, NetworkPartitions partitions) {
        this.secret = secret;
        this.tls = tls;
        this.trustCertificates = trustCertificates;
        this.partitions = partitions;
    }

    /** Whether this node has a cluster secret, so that it may make and accept internal calls. */
    public boolean hasSecret() {
        return secret != null;
    }

    /** Serves {@code method}; may be called before or after {@link #start}. */
    public synchronized void register(String method, RpcHandler handler) {
        handlers.put(method, handler);
        if (server != null) {
            server.register(method, handler);
        }
    }

    /** Calls {@code listener} with the peer of every internal channel to this node that closes (see RpcServer). */
    public synchronized void onPeerLost(java.util.function.Consumer<NodeAddress> listener) {
        peerLostListeners.add(listener);
        if (server != null) {
            server.onPeerLost(listener);
        }
    }

    /** The wire module's internal-connection hook: pass {@code endpoint::accept}. */
    public void accept(Channel channel, ChannelPipeline pipeline) {
        RpcServer current = server;
        if (current == null) {
            channel.close();
            return;
        }
        current.accept(channel, pipeline);
    }

    /** Creates server and client for the node at {@code address} (its bound PostgreSQL port). */
    public synchronized void start(NodeAddress address) {
        if (closed || server != null) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "internal RPC was already started");
        }
        RpcConfig config = RpcConfig.defaults(address, secret).withTls(tls, trustCertificates)
                .withBackoff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(500));
        RpcServer rpc = new RpcServer(config, partitions);
        handlers.forEach(rpc::register);
        peerLostListeners.forEach(rpc::onPeerLost);
        self = address;
        client = new RpcClient(config, partitions);
        server = rpc;
    }

    /** This node's address as peers reach it; null before {@link #start}. */
    public NodeAddress self() {
        return self;
    }

    /** The client for outgoing calls; 57P01 before start or after close. */
    public RpcClient client() {
        RpcClient current = client;
        if (current == null) {
            throw new ShaleException(ErrorCode.ADMIN_SHUTDOWN, "internal RPC of this node is not running");
        }
        return current;
    }

    /** Internal connections whose peer proved membership. */
    public int connectedPeers() {
        RpcServer current = server;
        return current == null ? 0 : current.connectedPeers();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RpcClient c = client;
        RpcServer s = server;
        client = null;
        server = null;
        try {
            if (c != null) {
                c.close();
            }
        } finally {
            if (s != null) {
                s.close();
            }
        }
    }
}
