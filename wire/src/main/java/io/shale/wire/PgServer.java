package io.shale.wire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.session.SessionService;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL protocol v3 server of a node: accepts client connections on Netty and serves each
 * one with a worker thread over the engine's {@link SessionService}. Constructing does no I/O;
 * {@link #start()} binds; {@link #close()} stops accepting and ends every connection.
 */
public final class PgServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PgServer.class.getName());
    private static final int WORKER_STOP_SECONDS = 5;

    private final WireConfig config;
    private final SessionService service;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ChannelGroup channels;
    private Channel serverChannel;
    private boolean closed;

    public PgServer(WireConfig config, SessionService service) {
        this.config = config;
        this.service = service;
    }

    /** Binds the configured address and returns the bound port (useful when the port is 0). */
    public synchronized int start() {
        if (serverChannel != null || closed) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "server was already started");
        }
        SslContext sslContext = sslContext();
        bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workerGroup = new MultiThreadIoEventLoopGroup(eventLoopThreads(), NioIoHandler.newFactory());
        channels = new DefaultChannelGroup("shale-wire", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        channel.pipeline().addLast("selector", new ProtocolSelector(config, service, sslContext));
                    }
                });
        try {
            serverChannel = bootstrap.bind(new InetSocketAddress(config.host(), config.port())).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdownGroups();
            throw new ShaleException(ErrorCode.OPERATOR_INTERVENTION, "interrupted while binding");
        } catch (RuntimeException e) {
            shutdownGroups();
            throw new ShaleException(ErrorCode.CONNECTION_FAILURE, "could not bind to " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    private SslContext sslContext() {
        if (!config.tlsEnabled()) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(config.tlsCertificate().toFile(), config.tlsPrivateKey().toFile())
                    .build();
        } catch (Exception e) {
            throw new ShaleException(ErrorCode.CONFIG_FILE_ERROR, "could not load TLS certificate \""
                    + config.tlsCertificate() + "\" or key \"" + config.tlsPrivateKey() + "\"", e);
        }
    }

    /** Stops accepting, closes every connection (their sessions roll back) and frees the threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        List<Thread> workers = new ArrayList<>();
        if (channels != null) {
            for (Channel channel : channels) {
                ConnectionHandler handler = channel.pipeline().get(ConnectionHandler.class);
                if (handler != null && handler.worker() != null) {
                    workers.add(handler.worker());
                }
            }
            channels.close().awaitUninterruptibly();
        }
        shutdownGroups();
        awaitWorkers(workers);
    }

    /** Waits a little for the workers to close their sessions, so that close() leaves nothing open. */
    private static void awaitWorkers(List<Thread> workers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WORKER_STOP_SECONDS);
        for (Thread worker : workers) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !worker.join(Duration.ofNanos(left))) {
                    LOG.log(System.Logger.Level.WARNING, "connection worker " + worker.getName() + " is still running");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Event loops for the connections: a quarter of the cores. They only decode messages and
     * write replies, the sessions run on virtual threads; with fewer loops each wake-up serves
     * more connections and a reply written by a worker finds its loop awake more often (pgbench
     * -S on 2 cores: 5,000 TPS with Netty's default of 2 loops per core, 8,200 with one).
     */
    public static int eventLoopThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 4);
    }

    private void shutdownGroups() {
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
