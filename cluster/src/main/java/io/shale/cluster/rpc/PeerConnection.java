package io.shale.cluster.rpc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.collection.LongObjectHashMap;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the one channel to one peer: connects when the first call comes, sends calls
 * within the window the server announced (and only while Netty's outgoing buffer is writable),
 * queues the others up to a limit, matches answers to calls by request id, and fails the calls of a
 * lost channel. After failed connection attempts the next one waits, doubling from
 * {@link RpcConfig#initialBackoff()} up to {@link RpcConfig#maxBackoff()}. Every field belongs to
 * the peer's event loop.
 */
final class PeerConnection {
    private enum State { IDLE, CONNECTING, READY, CLOSED }

    private final RpcClient client;
    private final NodeAddress address;
    private final EventLoop loop;
    private final ArrayDeque<PendingCall> waiting = new ArrayDeque<>();
    private final LongObjectHashMap<PendingCall> inFlight = new LongObjectHashMap<>();
    private State state = State.IDLE;
    private Channel channel;
    private int windowRequests;
    private long windowBytes;
    private long inFlightBytes;
    private long nextRequestId = 1;
    private int failures;
    private long nextAttemptNanos;
    private ScheduledFuture<?> attempt;
    private boolean flushScheduled;
    private volatile int connectionsOpened;

    PeerConnection(RpcClient client, NodeAddress address, EventLoop loop) {
        this.client = client;
        this.address = address;
        this.loop = loop;
    }

    EventLoop loop() {
        return loop;
    }

    NodeAddress address() {
        return address;
    }

    /** Channels that completed the handshake so far (tests assert multiplexing with it). */
    int connectionsOpened() {
        return connectionsOpened;
    }

    void submit(PendingCall call) {
        if (state == State.CLOSED) {
            call.fail(RpcClient.closedError());
            return;
        }
        if (client.partitions().isCut(client.config().self(), address)) {
            call.fail(cannotConnect("the network between the nodes is cut"));
            return;
        }
        if (waiting.size() >= client.config().maxQueuedCalls()) {
            call.fail(new ShaleException(ErrorCode.OUT_OF_MEMORY, "too many remote calls waiting for node " + address)
                    .withHint("Lower the number of concurrent calls or raise the RPC window."));
            return;
        }
        if (call.remainingNanos() <= 0) {
            call.fail(RemoteErrors.timedOut(call.method, address));
            return;
        }
        call.timer = loop.schedule(() -> abandon(call, RemoteErrors.timedOut(call.method, address)),
                call.remainingNanos(), TimeUnit.NANOSECONDS);
        call.future.whenComplete((value, error) -> {
            if (call.future.isCancelled()) {
                loop.execute(() -> abandon(call, RemoteErrors.canceled()));
            }
        });
        waiting.addLast(call);
        switch (state) {
            case IDLE -> connectSoon();
            case READY -> drain();
            case CONNECTING, CLOSED -> { }
        }
    }

    private void connectSoon() {
        state = State.CONNECTING;
        long delay = nextAttemptNanos - System.nanoTime();
        if (delay <= 0) {
            connect();
        } else {
            attempt = loop.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void connect() {
        attempt = null;
        if (state != State.CONNECTING) {
            return;
        }
        ChannelFuture future;
        try {
            future = client.connect(this);
        } catch (ShaleException e) {
            state = State.IDLE;
            failAll(e);
            return;
        }
        channel = future.channel();
        future.addListener(done -> {
            if (!done.isSuccess()) {
                connectFailed(future.channel(), cannotConnect(message(done.cause())));
            }
        });
    }

    /** The handshake succeeded on {@code ready}: calls may flow. */
    void ready(Channel ready, Frame.Welcome welcome) {
        if (state != State.CONNECTING || ready != channel) {
            ready.close();
            return;
        }
        state = State.READY;
        failures = 0;
        windowRequests = Math.min(welcome.maxInFlightRequests(), client.config().maxInFlightRequests());
        windowBytes = Math.min(welcome.maxInFlightBytes(), client.config().maxInFlightBytes());
        connectionsOpened++;
        drain();
    }

    /** Connecting or the handshake failed: the waiting calls fail with {@code reason}. */
    void connectFailed(Channel failed, ShaleException reason) {
        if (state != State.CONNECTING || failed != channel) {
            return;
        }
        failed.close();
        channel = null;
        state = State.IDLE;
        failures++;
        long backoff = client.config().initialBackoff().toNanos() << Math.min(failures - 1, 20);
        nextAttemptNanos = System.nanoTime() + Math.min(backoff, client.config().maxBackoff().toNanos());
        failAll(reason);
    }

    /** The channel closed: calls in flight fail; waiting calls get a new channel. */
    void closed(Channel lost, ShaleException reason) {
        if (lost != channel) {
            return;
        }
        if (state == State.CONNECTING) {
            connectFailed(lost, reason != null ? reason : cannotConnect("the connection was closed during the handshake"));
            return;
        }
        channel = null;
        ShaleException error = reason != null ? reason
                : new ShaleException(ErrorCode.CONNECTION_FAILURE, "connection to node " + address + " was lost");
        failInFlight(error);
        if (state == State.READY) {
            state = State.IDLE;
            if (!waiting.isEmpty()) {
                connectSoon();
            }
        }
    }

    void received(Channel from, Frame frame) {
        if (from != channel) {
            return;
        }
        switch (frame) {
            case Frame.Response response -> {
                PendingCall call = release(response.requestId());
                if (call != null) {
                    call.succeed(response.payload());
                }
            }
            case Frame.Failure failure -> {
                PendingCall call = release(failure.requestId());
                if (call != null) {
                    call.fail(RemoteErrors.exception(failure));
                }
            }
            case Frame.Chunk chunk -> {
                PendingCall call = inFlight.get(chunk.requestId());
                if (call != null && call.chunks != null && !call.future.isDone()) {
                    call.chunks.add(chunk.payload());
                }
            }
            default -> from.close();
        }
    }

    /** The caller took {@code chunks} chunks of a streamed answer: the server may send as many more. */
    void grant(PendingCall call, int chunks) {
        if (state == State.READY && inFlight.get(call.requestId) == call && !call.future.isDone()) {
            write(new Frame.Credit(call.requestId, chunks));
        }
    }

    /** The final frame of a call arrived: its window share is free again. */
    private PendingCall release(long requestId) {
        PendingCall call = inFlight.remove(requestId);
        if (call != null) {
            inFlightBytes -= call.payload.length;
            drain();
        }
        return call;
    }

    /** Deadline or cancel: fail the future; a call in flight keeps its window share until the server acknowledges. */
    private void abandon(PendingCall call, ShaleException reason) {
        if (waiting.remove(call)) {
            call.fail(reason);
        } else if (call.requestId != 0 && inFlight.get(call.requestId) == call && !call.cancelSent) {
            call.cancelSent = true;
            call.fail(reason);
            write(new Frame.Cancel(call.requestId));
        }
    }

    /** Sends waiting calls while the window and the channel's buffer allow. */
    void drain() {
        if (state != State.READY) {
            return;
        }
        while (!waiting.isEmpty() && channel.isWritable() && inFlight.size() < windowRequests) {
            PendingCall next = waiting.peekFirst();
            if (!inFlight.isEmpty() && inFlightBytes + next.payload.length > windowBytes) {
                break;
            }
            waiting.pollFirst();
            next.requestId = nextRequestId++;
            inFlight.put(next.requestId, next);
            inFlightBytes += next.payload.length;
            write(new Frame.Request(next.requestId, next.remainingMicros(), next.method, next.payload));
        }
    }

    /** Writes now, flushes once after the tasks already queued on the loop (calls batch up). */
    private void write(Frame frame) {
        channel.write(frame, channel.voidPromise());
        if (!flushScheduled) {
            flushScheduled = true;
            Channel target = channel;
            loop.execute(() -> {
                flushScheduled = false;
                target.flush();
            });
        }
    }

    /** Closes the channel to a peer that was cut off (its calls fail). */
    void cut() {
        if (channel != null) {
            channel.close();
        }
        failAll(cannotConnect("the network between the nodes is cut"));
    }

    void close() {
        state = State.CLOSED;
        if (attempt != null) {
            attempt.cancel(false);
        }
        failAll(RpcClient.closedError());
        if (channel != null) {
            channel.close();
        }
    }

    /** Waiting and in-flight calls of this peer. */
    int pendingCalls() {
        return waiting.size() + inFlight.size();
    }

    int inFlightCalls() {
        return inFlight.size();
    }

    private void failAll(ShaleException reason) {
        List<PendingCall> queued = new ArrayList<>(waiting);
        waiting.clear();
        for (PendingCall call : queued) {
            call.fail(reason);
        }
        failInFlight(reason);
    }

    private void failInFlight(ShaleException reason) {
        List<PendingCall> sent = new ArrayList<>(inFlight.values());
        inFlight.clear();
        inFlightBytes = 0;
        for (PendingCall call : sent) {
            call.fail(reason);
        }
    }

    private ShaleException cannotConnect(String why) {
        return new ShaleException(ErrorCode.CONNECTION_FAILURE, "could not connect to node " + address + ": " + why);
    }

    private static String message(Throwable cause) {
        return cause == null || cause.getMessage() == null ? "connection failed" : cause.getMessage();
    }
}
