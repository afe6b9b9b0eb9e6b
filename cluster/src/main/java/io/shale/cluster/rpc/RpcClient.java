package io.shale.cluster.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The calling side of a node's internal RPC: one multiplexed channel per peer node, opened at the
 * first call, carrying any number of concurrent calls within the peer's window (see
 * {@link PeerConnection}). Calls complete on the client's event loop: chain heavy work with an
 * executor. Thread-safe; {@link #close()} fails every pending call.
 */
public final class RpcClient implements AutoCloseable {
    private static final int LOW_WATER_MARK = 256 * 1024;
    private static final int HIGH_WATER_MARK = 1024 * 1024;

    private final RpcConfig config;
    private final NetworkPartitions partitions;
    private final EventLoopGroup group;
    private final Map<NodeAddress, PeerConnection> peers = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final FrameEncoder encoder = new FrameEncoder();
    private final Runnable partitionListener = this::dropCutPeers;
    private SslContext sslContext;
    private volatile boolean closed;

    /** Creates the client; its event loop thread starts with the first call. */
    public RpcClient(RpcConfig config, NetworkPartitions partitions) {
        this.config = Objects.requireNonNull(config, "config");
        this.partitions = Objects.requireNonNull(partitions, "partitions");
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        partitions.addListener(partitionListener);
    }

    /**
     * Calls {@code method} on node {@code target}. The future completes with the handler's answer,
     * or fails with a {@link ShaleException}: the handler's SQLSTATE and message, 57014 when the
     * deadline passes first (the server is told to drop the work), 08006 when the node cannot be
     * reached or the channel is lost while the call is in flight.
     */
    public CompletableFuture<byte[]> call(NodeAddress target, String method, byte[] payload, Duration deadline) {
        return submit(target, new PendingCall(method, payload, deadlineNanos(deadline), false));
    }

    /** {@link #call(NodeAddress, String, byte[], Duration)} with the target as {@code host:port}. */
    public CompletableFuture<byte[]> call(String target, String method, byte[] payload, Duration deadline) {
        return call(NodeAddress.parse(target), method, payload, deadline);
    }

    /**
     * A call whose answer is streamed: the handler {@link RpcContext#emit emits} chunks, the caller
     * takes them with {@link RpcStream#next()} on its own thread. The server runs at most a stream
     * window of chunks ahead of the caller, so a slow reader holds back the handler, not memory.
     */
    public RpcStream stream(NodeAddress target, String method, byte[] payload, Duration deadline) {
        PendingCall call = new PendingCall(method, payload, deadlineNanos(deadline), true);
        RpcStream stream = new RpcStream(peer(target), call);
        submit(target, call);
        return stream;
    }

    private static long deadlineNanos(Duration deadline) {
        return System.nanoTime() + deadline.toNanos();
    }

    private CompletableFuture<byte[]> submit(NodeAddress target, PendingCall call) {
        if (closed) {
            call.fail(closedError());
        } else if (config.secret() == null) {
            call.fail(new ShaleException(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION,
                    "node " + config.self() + " has no cluster secret and cannot make internal calls"));
        } else if (FrameDescriptor.requestSize(call.method, call.payload) > config.maxFrameSize()) {
            call.fail(new ShaleException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "remote call payload of "
                    + call.payload.length + " bytes exceeds the frame limit of " + config.maxFrameSize() + " bytes"));
        } else {
            PeerConnection peer = peer(target);
            try {
                peer.loop().execute(() -> peer.submit(call));
            } catch (RejectedExecutionException e) {
                call.fail(closedError());
            }
        }
        return call.future;
    }

    private PeerConnection peer(NodeAddress target) {
        return peers.computeIfAbsent(target, address -> new PeerConnection(this, address, group.next()));
    }

    /** Channels opened to {@code target} that completed the handshake, over the client's lifetime. */
    public int connectionsOpened(NodeAddress target) {
        PeerConnection peer = peers.get(target);
        return peer == null ? 0 : peer.connectionsOpened();
    }

    /** Calls to {@code target} sent and not yet answered (read on the event loop). */
    int inFlightCalls(NodeAddress target) {
        PeerConnection peer = peers.get(target);
        return peer == null ? 0 : peer.loop().submit(peer::inFlightCalls).syncUninterruptibly().getNow();
    }

    RpcConfig config() {
        return config;
    }

    NetworkPartitions partitions() {
        return partitions;
    }

    /** Opens a channel to {@code peer} on its event loop; the handshake follows in {@link ClientHandler}. */
    ChannelFuture connect(PeerConnection peer) {
        SslContext ssl = config.tls() ? sslContext() : null;
        byte[] nonce = new byte[FrameDescriptor.NONCE_LENGTH];
        random.nextBytes(nonce);
        return new Bootstrap()
                .group(peer.loop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(LOW_WATER_MARK, HIGH_WATER_MARK))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast("rpc-frames", new FrameCodec(config.maxFrameSize()));
                        channel.pipeline().addLast("rpc-encoder", encoder);
                        channel.pipeline().addLast("rpc-client", new ClientHandler(peer, config, ssl, nonce));
                    }
                })
                .connect(peer.address().host(), peer.address().port());
    }

    private synchronized SslContext sslContext() {
        if (sslContext == null) {
            try {
                // node certificates need not name the address a peer is reached by: the secret proves membership
                SslContextBuilder builder = SslContextBuilder.forClient().endpointIdentificationAlgorithm(null);
                if (config.tlsTrustCertificates() != null) {
                    builder.trustManager(config.tlsTrustCertificates().toFile());
                } else {
                    builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
                }
                sslContext = builder.build();
            } catch (Exception e) {
                throw new ShaleException(ErrorCode.CONFIG_FILE_ERROR, "could not load TLS trust certificates \""
                        + config.tlsTrustCertificates() + "\"", e);
            }
        }
        return sslContext;
    }

    private void dropCutPeers() {
        for (PeerConnection peer : peers.values()) {
            if (partitions.isCut(config.self(), peer.address())) {
                peer.loop().execute(peer::cut);
            }
        }
    }

    static ShaleException closedError() {
        return new ShaleException(ErrorCode.ADMIN_SHUTDOWN, "terminating remote call because the node is shutting down");
    }

    /** Fails every pending call, closes every channel and stops the event loop. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        partitions.removeListener(partitionListener);
        for (PeerConnection peer : peers.values()) {
            peer.loop().execute(peer::close);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
