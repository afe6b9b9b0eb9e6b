package io.shale.cluster.rpc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.collection.LongObjectHashMap;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server end of one RPC channel: runs the handshake ({@link Handshake}), then starts a
 * {@link ServerCall} per request, enforces the window it announced, and answers each request
 * exactly once (response, failure, or the failure that acknowledges a cancel). State belongs to
 * the channel's event loop; handlers run on the server's virtual threads.
 */
final class ServerConnection extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());

    private enum Stage { AWAIT_HELLO, AWAIT_PROOF, READY, REFUSED }

    private final RpcServer server;
    private final Channel channel;
    private final LongObjectHashMap<ServerCall> calls = new LongObjectHashMap<>();
    private final Object writable = new Object();
    private Stage stage = Stage.AWAIT_HELLO;
    private NodeAddress peer;
    /** {@link #peer} once the handshake succeeded; read by other threads. */
    private volatile NodeAddress provenPeer;
    private String peerName;
    private byte[] clientNonce;
    private byte[] serverNonce;
    private long inFlightBytes;
    private boolean flushScheduled;
    private ScheduledFuture<?> handshakeTimeout;

    ServerConnection(RpcServer server, Channel channel) {
        this.server = server;
        this.channel = channel;
    }

    /** The node at the other end, once it has proven membership; null before. */
    NodeAddress peer() {
        return provenPeer;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        handshakeTimeout = ctx.executor().schedule(() -> {
            if (stage != Stage.READY) {
                channel.close();
            }
        }, server.config().connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        Frame frame = (Frame) message;
        switch (stage) {
            case AWAIT_HELLO -> hello(frame);
            case AWAIT_PROOF -> proof(frame);
            case READY -> serve(frame);
            case REFUSED -> { }
        }
    }

    private void hello(Frame frame) {
        if (!(frame instanceof Frame.Hello hello)) {
            refuse(new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "expected an RPC hello frame"));
            return;
        }
        if (hello.version() != FrameDescriptor.VERSION) {
            refuse(new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "unsupported RPC protocol version "
                    + hello.version() + ", this node speaks version " + FrameDescriptor.VERSION));
            return;
        }
        ClusterSecret secret = server.config().secret();
        if (secret == null) {
            refuse(new ShaleException(ErrorCode.INVALID_AUTHORIZATION_SPECIFICATION,
                    "node " + server.config().self() + " does not accept internal connections")
                    .withHint("Configure the same cluster secret on every node."));
            return;
        }
        try {
            peer = NodeAddress.parse(hello.node());
        } catch (ShaleException e) {
            refuse(e);
            return;
        }
        if (server.partitions().isCut(peer, server.config().self())) {
            channel.close();
            return;
        }
        peerName = hello.node();
        clientNonce = hello.nonce();
        serverNonce = server.nonce();
        stage = Stage.AWAIT_PROOF;
        channel.writeAndFlush(new Frame.Challenge(serverNonce,
                Handshake.serverProof(secret, clientNonce, serverNonce, peerName)));
    }

    private void proof(Frame frame) {
        if (!(frame instanceof Frame.Proof proof)) {
            refuse(new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "expected an RPC proof frame"));
            return;
        }
        byte[] expected = Handshake.clientProof(server.config().secret(), clientNonce, serverNonce, peerName);
        if (!Handshake.matches(expected, proof.proof())) {
            refuse(new ShaleException(ErrorCode.INVALID_PASSWORD,
                    "cluster secret of node " + peerName + " does not match that of node " + server.config().self()));
            return;
        }
        stage = Stage.READY;
        provenPeer = peer;
        handshakeTimeout.cancel(false);
        channel.writeAndFlush(new Frame.Welcome(server.config().maxInFlightRequests(), server.config().maxInFlightBytes()));
    }

    private void refuse(ShaleException reason) {
        LOG.log(System.Logger.Level.INFO, "refused internal connection from " + channel.remoteAddress() + ": "
                + reason.getMessage());
        stage = Stage.REFUSED;
        channel.writeAndFlush(RemoteErrors.failure(0, reason)).addListener(future -> channel.close());
        channel.config().setAutoRead(false);
    }

    private void serve(Frame frame) {
        switch (frame) {
            case Frame.Request request -> start(request);
            case Frame.Credit credit -> {
                ServerCall call = calls.get(credit.requestId());
                if (call != null) {
                    synchronized (writable) {
                        call.context.streamCredit += credit.chunks();
                        writable.notifyAll();
                    }
                }
            }
            case Frame.Cancel cancel -> {
                ServerCall call = calls.get(cancel.requestId());
                if (call != null) {
                    abort(call, RemoteErrors.canceled());
                }
            }
            default -> refuse(new ShaleException(ErrorCode.PROTOCOL_VIOLATION,
                    "unexpected RPC frame from a client (request " + frame.requestId() + ")"));
        }
    }

    private void start(Frame.Request request) {
        if (server.partitions().isCut(peer, server.config().self())) {
            channel.close();
            return;
        }
        int bytes = request.payload().length;
        if (calls.size() >= server.config().maxInFlightRequests()
                || (!calls.isEmpty() && inFlightBytes + bytes > server.config().maxInFlightBytes())
                || calls.containsKey(request.requestId())) {
            refuse(new ShaleException(ErrorCode.PROTOCOL_VIOLATION, "RPC client exceeded its window"));
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(request.timeoutMicros());
        RpcContext context = new RpcContext(this, request.requestId(), peer, request.method(), deadline);
        RpcHandler handler = server.handler(request.method());
        if (handler == null) {
            write(RemoteErrors.failure(request.requestId(), new ShaleException(ErrorCode.UNDEFINED_FUNCTION,
                    "remote procedure \"" + request.method() + "\" does not exist")));
            return;
        }
        ServerCall call = new ServerCall(context, bytes);
        calls.put(request.requestId(), call);
        inFlightBytes += bytes;
        call.deadlineTimer = channel.eventLoop().schedule(
                () -> abort(call, RemoteErrors.timedOut(request.method(), server.config().self())),
                request.timeoutMicros(), TimeUnit.MICROSECONDS);
        server.execute(() -> call.run(handler, request.payload(),
                (value, error) -> channel.eventLoop().execute(() -> finish(call, value, error))));
    }

    /** The handler is done: answers, unless the call was already answered by a cancel. */
    private void finish(ServerCall call, byte[] value, Throwable error) {
        if (!release(call)) {
            return;
        }
        if (call.deadlineTimer != null) {
            call.deadlineTimer.cancel(false);
        }
        long id = call.context.requestId();
        byte[] answer = value == null ? new byte[0] : value;
        if (error == null && answer.length > maxPayload()) {
            error = tooLarge(answer.length);
        }
        if (error == null) {
            write(new Frame.Response(id, answer));
        } else {
            if (!RemoteErrors.isExpected(error)) {
                LOG.log(System.Logger.Level.WARNING, "remote procedure \"" + call.context.method() + "\" failed", error);
            }
            write(RemoteErrors.failure(id, call.context.method(), error));
        }
    }

    /** Cancel or deadline: stops the work and answers at once, which frees the caller's window. */
    private void abort(ServerCall call, ShaleException reason) {
        if (release(call)) {
            call.cancel();
            wakeEmitters();
            write(RemoteErrors.failure(call.context.requestId(), reason));
        }
    }

    private boolean release(ServerCall call) {
        long id = call.context.requestId();
        if (calls.get(id) != call) {
            return false;
        }
        calls.remove(id);
        inFlightBytes -= call.payloadBytes;
        return true;
    }

    /** Writes now and flushes once after the tasks already queued on the loop (answers batch up). */
    private void write(Frame frame) {
        channel.write(frame, channel.voidPromise());
        if (!flushScheduled) {
            flushScheduled = true;
            channel.eventLoop().execute(() -> {
                flushScheduled = false;
                channel.flush();
            });
        }
    }

    /** The largest answer or chunk that fits in one frame of the configured size. */
    private int maxPayload() {
        return server.config().maxFrameSize() - FrameDescriptor.BODY_OFFSET;
    }

    private ShaleException tooLarge(int bytes) {
        return new ShaleException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "remote call answer of " + bytes
                + " bytes exceeds the frame limit of " + server.config().maxFrameSize() + " bytes")
                .withHint("Stream large answers in chunks.");
    }

    /** Called by {@link RpcContext#emit} on a handler's thread. */
    void emit(RpcContext context, byte[] chunk) {
        if (chunk.length > maxPayload()) {
            throw tooLarge(chunk.length);
        }
        synchronized (writable) {
            while (true) {
                if (context.isCancelled()) {
                    throw RemoteErrors.canceled();
                }
                long left = context.deadlineNanos() - System.nanoTime();
                if (left <= 0) {
                    throw RemoteErrors.timedOut(context.method(), server.config().self());
                }
                if (!channel.isActive()) {
                    throw new ShaleException(ErrorCode.CONNECTION_FAILURE, "connection to node " + peer + " was lost");
                }
                if (context.streamCredit > 0 && channel.isWritable()) {
                    context.streamCredit--;
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(writable, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RemoteErrors.canceled();
                }
            }
        }
        channel.writeAndFlush(new Frame.Chunk(context.requestId(), chunk), channel.voidPromise());
    }

    private void wakeEmitters() {
        synchronized (writable) {
            writable.notifyAll();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        wakeEmitters();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        handshakeTimeout.cancel(false);
        List<ServerCall> open = new ArrayList<>(calls.values());
        calls.clear();
        for (ServerCall call : open) {
            call.cancel();
        }
        wakeEmitters();
        server.closed(this);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "internal connection from " + channel.remoteAddress() + " failed", cause);
        if (cause.getCause() instanceof ShaleException e && e.code() == ErrorCode.PROTOCOL_VIOLATION) {
            refuse(e);
        } else {
            channel.close();
        }
    }
}
