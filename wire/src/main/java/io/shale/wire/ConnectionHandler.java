package io.shale.wire;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.shale.engine.session.SessionService;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The event-loop side of one connection: answers SSLRequest and GSSENCRequest itself (they change
 * the pipeline), queues every other message for the connection's worker (a virtual thread), the
 * messages of one socket read at once, and passes on writability changes. Never blocks.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(ConnectionHandler.class.getName());
    /** PostgreSQL's authentication_timeout: a client that has not finished start-up by then is dropped. */
    private static final int AUTHENTICATION_TIMEOUT_SECONDS = 60;

    private final SessionService service;
    private final List<AuthRule> authRules;
    private final SslContext sslContext;
    private MessageQueue queue;
    private BackendWriter writer;
    private Connection connection;
    private Thread worker;
    private final List<FrontendMessage> pending = new ArrayList<>();
    private ScheduledFuture<?> startupTimeout;

    /** @param sslContext the server's TLS context, or null to refuse TLS */
    ConnectionHandler(SessionService service, List<AuthRule> authRules, SslContext sslContext) {
        this.service = service;
        this.authRules = authRules;
        this.sslContext = sslContext;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        queue = new MessageQueue(autoRead -> ctx.channel().config().setAutoRead(autoRead));
        writer = new BackendWriter(ctx.channel());
        connection = new Connection(service, authRules, ctx.channel(), queue, writer);
        worker = Thread.ofVirtual().name("shale-wire-" + ctx.channel().id().asShortText()).start(connection);
        startupTimeout = ctx.executor().schedule(() -> {
            if (!connection.started()) {
                ctx.close();
            }
        }, AUTHENTICATION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch ((FrontendMessage) msg) {
            case FrontendMessage.SslRequest ignored -> {
                if (sslContext != null && ctx.pipeline().get(SslHandler.class) == null) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'S'}));
                    ctx.pipeline().addFirst("tls", sslContext.newHandler(ctx.alloc()));
                } else {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
                }
            }
            case FrontendMessage.GssEncRequest ignored -> ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'N'}));
            case FrontendMessage message -> pending.add(message);
        }
    }

    /** Hands the messages of one socket read to the worker together (see {@link MessageQueue#addAll}). */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        handOver();
        ctx.fireChannelReadComplete();
    }

    private void handOver() {
        if (!pending.isEmpty()) {
            queue.addAll(pending);
            pending.clear();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        startupTimeout.cancel(false);
        handOver();
        connection.disconnected();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        writer.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "connection " + ctx.channel().id().asShortText() + " failed", cause);
        ctx.close();
    }

    /** The worker's queue (tests wait for it to drain). */
    MessageQueue queue() {
        return queue;
    }

    Thread worker() {
        return worker;
    }
}
