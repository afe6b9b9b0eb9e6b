package io.shale.cluster.rpc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The serving side of a node's internal RPC: a registry of handlers by method name, and the
 * protocol on every internal connection that the node's PostgreSQL port hands over
 * ({@link #accept}, plugged into the wire module's {@code InternalConnectionAcceptor}). Handlers run
 * on virtual threads, never on the event loop. Thread-safe; {@link #close()} ends every internal
 * connection and interrupts running handlers.
 */
public final class RpcServer implements AutoCloseable {
    private final RpcConfig config;
    private final NetworkPartitions partitions;
    private final Map<String, RpcHandler> handlers = new ConcurrentHashMap<>();
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;
    private final SecureRandom random = new SecureRandom();
    private final List<java.util.function.Consumer<NodeAddress>> peerLostListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final FrameEncoder encoder = new FrameEncoder();
    private final Runnable partitionListener = this::dropCutConnections;
    private volatile boolean closed;

    public RpcServer(RpcConfig config, NetworkPartitions partitions) {
        this.config = Objects.requireNonNull(config, "config");
        this.partitions = Objects.requireNonNull(partitions, "partitions");
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("shale-rpc-handler-", 0).factory());
        partitions.addListener(partitionListener);
    }

    /** Serves {@code method} with {@code handler}, replacing an earlier one. */
    public void register(String method, RpcHandler handler) {
        handlers.put(Objects.requireNonNull(method, "method"), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Takes over an internal connection whose magic bytes were consumed (and whose TLS handler, if
     * any, is in place): adds the frame codec and the protocol handler at the end of the pipeline.
     * Signature of the wire module's {@code InternalConnectionAcceptor}: pass {@code rpcServer::accept}.
     */
    public void accept(Channel channel, ChannelPipeline pipeline) {
        if (closed) {
            channel.close();
            return;
        }
        ServerConnection connection = new ServerConnection(this, channel);
        connections.add(connection);
        pipeline.addLast("rpc-frames", new FrameCodec(config.maxFrameSize()));
        pipeline.addLast("rpc-encoder", encoder);
        pipeline.addLast("rpc-server", connection);
    }

    /**
     * Calls {@code listener} (on an event loop: it must not block) with the peer of every internal connection that
     * closes after its handshake; the distributed transactions of that peer end there (their task sessions roll back).
     */
    public void onPeerLost(java.util.function.Consumer<NodeAddress> listener) {
        peerLostListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Number of internal connections whose peer has proven membership (for tests and monitoring). */
    public int connectedPeers() {
        int count = 0;
        for (ServerConnection connection : connections) {
            if (connection.peer() != null) {
                count++;
            }
        }
        return count;
    }

    RpcConfig config() {
        return config;
    }

    NetworkPartitions partitions() {
        return partitions;
    }

    RpcHandler handler(String method) {
        return handlers.get(method);
    }

    byte[] nonce() {
        byte[] nonce = new byte[FrameDescriptor.NONCE_LENGTH];
        random.nextBytes(nonce);
        return nonce;
    }

    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new ShaleException(ErrorCode.ADMIN_SHUTDOWN, "terminating internal connection due to administrator command");
        }
    }

    void closed(ServerConnection connection) {
        connections.remove(connection);
        NodeAddress peer = connection.peer();
        if (peer != null) {
            for (java.util.function.Consumer<NodeAddress> listener : peerLostListeners) {
                listener.accept(peer);
            }
        }
    }

    private void dropCutConnections() {
        for (ServerConnection connection : connections) {
            NodeAddress peer = connection.peer();
            if (peer != null && partitions.isCut(peer, config.self())) {
                connection.channel().close();
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        partitions.removeListener(partitionListener);
        for (ServerConnection connection : connections) {
            connection.channel().close().awaitUninterruptibly();
        }
        executor.shutdownNow();
    }
}
