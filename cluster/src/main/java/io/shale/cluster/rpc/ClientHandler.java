package io.shale.cluster.rpc;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client end of one RPC channel: sends the magic bytes (then runs TLS when configured), proves
 * membership ({@link Handshake}) and verifies the server's proof, then passes frames to its
 * {@link PeerConnection}. Runs on the peer's event loop.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {
    private enum Stage { TLS, HELLO_SENT, PROOF_SENT, READY }

    private final PeerConnection peer;
    private final RpcConfig config;
    private final SslContext sslContext;
    private final byte[] nonce;
    private Stage stage;
    private ShaleException closeReason;
    private ScheduledFuture<?> handshakeTimeout;

    /** @param sslContext client TLS context, or null for plain TCP */
    ClientHandler(PeerConnection peer, RpcConfig config, SslContext sslContext, byte[] nonce) {
        this.peer = peer;
        this.config = config;
        this.sslContext = sslContext;
        this.nonce = nonce;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshakeTimeout = ctx.executor().schedule(() -> {
            handshakeFailed(ctx, "no answer to the handshake within " + config.connectTimeout().toMillis() + " ms");
        }, config.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        byte[] magic = sslContext == null ? Magic.PLAIN : Magic.TLS;
        ctx.writeAndFlush(Unpooled.wrappedBuffer(magic));
        if (sslContext != null) {
            stage = Stage.TLS;
            ctx.pipeline().addFirst("tls", sslContext.newHandler(ctx.alloc(),
                    peer.address().host(), peer.address().port()));
        } else {
            sendHello(ctx);
        }
        ctx.fireChannelActive();
    }

    private void sendHello(ChannelHandlerContext ctx) {
        stage = Stage.HELLO_SENT;
        ctx.writeAndFlush(new Frame.Hello(FrameDescriptor.VERSION, config.self().toString(), nonce));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent done && stage == Stage.TLS) {
            if (done.isSuccess()) {
                sendHello(ctx);
            } else {
                handshakeFailed(ctx, "TLS handshake failed: " + done.cause().getMessage());
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        Frame frame = (Frame) message;
        if (stage == Stage.READY) {
            if (frame instanceof Frame.Failure failure && failure.requestId() == 0) {
                closeReason = RemoteErrors.exception(failure);
                ctx.close();
            } else {
                peer.received(ctx.channel(), frame);
            }
            return;
        }
        switch (frame) {
            case Frame.Failure failure when failure.requestId() == 0 -> {
                cancelTimeout();
                peer.connectFailed(ctx.channel(), RemoteErrors.exception(failure));
            }
            case Frame.Challenge challenge when stage == Stage.HELLO_SENT -> {
                byte[] expected = Handshake.serverProof(config.secret(), nonce, challenge.nonce(), config.self().toString());
                if (!Handshake.matches(expected, challenge.proof())) {
                    cancelTimeout();
                    peer.connectFailed(ctx.channel(), new ShaleException(ErrorCode.INVALID_PASSWORD,
                            "cluster secret of node " + peer.address() + " does not match that of node " + config.self()));
                    return;
                }
                stage = Stage.PROOF_SENT;
                ctx.writeAndFlush(new Frame.Proof(
                        Handshake.clientProof(config.secret(), nonce, challenge.nonce(), config.self().toString())));
            }
            case Frame.Welcome welcome when stage == Stage.PROOF_SENT -> {
                cancelTimeout();
                stage = Stage.READY;
                peer.ready(ctx.channel(), welcome);
            }
            default -> handshakeFailed(ctx, "unexpected frame during the handshake");
        }
    }

    private void handshakeFailed(ChannelHandlerContext ctx, String why) {
        cancelTimeout();
        peer.connectFailed(ctx.channel(), new ShaleException(ErrorCode.CONNECTION_FAILURE,
                "could not connect to node " + peer.address() + ": " + why));
    }

    private void cancelTimeout() {
        if (handshakeTimeout != null) {
            handshakeTimeout.cancel(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (stage == Stage.READY && ctx.channel().isWritable()) {
            peer.drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimeout();
        peer.closed(ctx.channel(), closeReason);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if ((stage == Stage.HELLO_SENT || stage == Stage.PROOF_SENT) && cause instanceof DecoderException) {
            handshakeFailed(ctx, "the node did not answer with Shale's internal protocol");
            return;
        }
        if (closeReason == null) {
            Throwable root = cause.getCause() instanceof ShaleException e ? e : cause;
            closeReason = new ShaleException(ErrorCode.CONNECTION_FAILURE, "connection to node " + peer.address()
                    + " failed: " + root.getMessage());
        }
        ctx.close();
    }
}
