package io.shale.cluster.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A node for RPC tests: a listening socket that hands connections opening with the plain magic to
 * an {@link RpcServer} (what the wire module's ProtocolSelector does on the PostgreSQL port), and
 * an {@link RpcClient}. The wire module's InternalTrafficTest covers the real port sharing.
 */
final class TestNode implements AutoCloseable {
    final RpcServer server;
    final RpcClient client;
    final RpcConfig config;
    private final EventLoopGroup group;
    private final Channel listener;

    private TestNode(RpcConfig config, NetworkPartitions partitions, EventLoopGroup group, Channel listener, RpcServer[] slot) {
        this.config = config;
        this.group = group;
        this.listener = listener;
        this.server = new RpcServer(config, partitions);
        this.client = new RpcClient(config, partitions);
        slot[0] = server;
    }

    /** Starts a node on {@code port} (0 for a free one); {@code tweak} adjusts the default configuration. */
    static TestNode start(ClusterSecret secret, NetworkPartitions partitions, int port, UnaryOperator<RpcConfig> tweak) {
        RpcServer[] slot = new RpcServer[1];
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Channel listener = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new MagicReader(slot));
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
        int bound = ((InetSocketAddress) listener.localAddress()).getPort();
        RpcConfig config = tweak.apply(RpcConfig.defaults(new NodeAddress("127.0.0.1", bound), secret));
        return new TestNode(config, partitions, group, listener, slot);
    }

    static TestNode start(ClusterSecret secret, NetworkPartitions partitions) {
        return start(secret, partitions, 0, UnaryOperator.identity());
    }

    NodeAddress address() {
        return config.self();
    }

    @Override
    public void close() {
        if (!listener.isOpen()) {
            return;
        }
        client.close();
        listener.close().syncUninterruptibly();
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Reads the 8 magic bytes, then hands the channel to the RPC server. */
    private static final class MagicReader extends ByteToMessageDecoder {
        private final RpcServer[] slot;

        MagicReader(RpcServer[] slot) {
            this.slot = slot;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            if (in.readableBytes() < Magic.PLAIN.length) {
                return;
            }
            byte[] magic = ByteBufUtil.getBytes(in.readSlice(Magic.PLAIN.length));
            if (!Arrays.equals(magic, Magic.PLAIN)) {
                ctx.close();
                return;
            }
            slot[0].accept(ctx.channel(), ctx.pipeline());
            ctx.pipeline().remove(this);
        }
    }
}
