package io.shale.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.shale.engine.session.SessionService;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The first handler of every connection: its first bytes tell a PostgreSQL client from a node of
 * the cluster. Internal traffic opens with 8 magic bytes, {@code SHALERPC} (plain) or
 * {@code SHALETLS} (a TLS handshake follows at once); read as a PostgreSQL start-up packet their
 * first four bytes are a length of 1,397,244,236, which PostgreSQL rejects (at most 10000), so no
 * valid client can start that way. The first byte that differs from both magics (a PostgreSQL
 * client's first byte is 0: its length is below 16 MiB) hands the connection to {@link PgDecoder}
 * and {@link ConnectionHandler} with the bytes read so far; the full magic hands it to the
 * {@link InternalConnectionAcceptor}. Internal connections use TLS exactly when the server has a
 * certificate; a magic that does not match that, or any magic without an acceptor, closes the
 * connection.
 */
final class ProtocolSelector extends ByteToMessageDecoder {
    private static final System.Logger LOG = System.getLogger(ProtocolSelector.class.getName());
    static final byte[] PLAIN_MAGIC = "SHALERPC".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TLS_MAGIC = "SHALETLS".getBytes(StandardCharsets.US_ASCII);
    /** Same as PostgreSQL's authentication_timeout: a silent connection is dropped after it. */
    private static final int SILENCE_TIMEOUT_SECONDS = 60;

    private final WireConfig config;
    private final SessionService service;
    private final SslContext sslContext;
    private ScheduledFuture<?> silenceTimeout;

    /** @param sslContext the server's TLS context, or null when it has no certificate */
    ProtocolSelector(WireConfig config, SessionService service, SslContext sslContext) {
        this.config = config;
        this.service = service;
        this.sslContext = sslContext;
    }

    /** Holds channelActive back until the protocol is known; the chosen handlers get it then. */
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        silenceTimeout = ctx.executor().schedule(() -> {
            ctx.close();
        }, SILENCE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "connection " + ctx.channel().id().asShortText() + " failed", cause);
        ctx.close();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int seen = Math.min(in.readableBytes(), PLAIN_MAGIC.length);
        boolean plain = startsWith(in, PLAIN_MAGIC, seen);
        boolean tls = startsWith(in, TLS_MAGIC, seen);
        if (!plain && !tls) {
            choosePostgres(ctx);
        } else if (seen == PLAIN_MAGIC.length) {
            in.skipBytes(seen);
            chooseInternal(ctx, tls);
        }
    }

    private static boolean startsWith(ByteBuf in, byte[] magic, int length) {
        for (int i = 0; i < length; i++) {
            if (in.getByte(in.readerIndex() + i) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private void choosePostgres(ChannelHandlerContext ctx) {
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addAfter(ctx.name(), "decoder", new PgDecoder(config.maxMessageSize(), sslContext != null));
        pipeline.addAfter("decoder", "protocol", new ConnectionHandler(service, config.authRules(), sslContext));
        ctx.fireChannelActive();
        pipeline.remove(this);
    }

    private void chooseInternal(ChannelHandlerContext ctx, boolean tls) {
        InternalConnectionAcceptor acceptor = config.internalAcceptor();
        if (acceptor == null || tls != (sslContext != null)) {
            ctx.close();
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        if (tls) {
            pipeline.addAfter(ctx.name(), "tls", sslContext.newHandler(ctx.alloc()));
        }
        try {
            acceptor.accept(ctx.channel(), pipeline);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "internal connection could not be accepted", e);
            ctx.close();
            return;
        }
        pipeline.remove(this);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (silenceTimeout != null) {
            silenceTimeout.cancel(false);
        }
    }
}
