package io.shale.cluster.rpc;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * The caller's end of a streamed answer ({@link RpcClient#stream}): chunks in the order the handler
 * emitted them, then the final answer. Taking chunks returns credit to the server, which never runs
 * more than {@value FrameDescriptor#STREAM_WINDOW} chunks ahead. For one thread at a time;
 * {@link #close()} before the end cancels the remote work.
 */
public final class RpcStream implements AutoCloseable {
    /** Queued after the last chunk when the call ends (either way). */
    private static final byte[] END = new byte[0];

    private final PeerConnection peer;
    private final PendingCall call;
    private int untold;
    private boolean ended;

    RpcStream(PeerConnection peer, PendingCall call) {
        this.peer = peer;
        this.call = call;
        call.future.whenComplete((value, error) -> call.chunks.add(END));
    }

    /**
     * The next chunk, waiting for it; null once every chunk was taken and the call succeeded.
     *
     * @throws ShaleException the call's failure (after the chunks that came before it)
     */
    public byte[] next() {
        if (ended) {
            return null;
        }
        byte[] chunk;
        try {
            chunk = call.chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw RemoteErrors.canceled();
        }
        if (chunk == END) {
            ended = true;
            result();
            return null;
        }
        if (++untold >= FrameDescriptor.STREAM_WINDOW / 2) {
            int taken = untold;
            untold = 0;
            try {
                peer.loop().execute(() -> peer.grant(call, taken));
            } catch (RejectedExecutionException e) {
                // the client is closed: the call fails and next() reports it
            }
        }
        return chunk;
    }

    /** The final answer, waiting for it (chunks not yet taken stay available to {@link #next()}). */
    public byte[] result() {
        try {
            return call.future.join();
        } catch (CancellationException e) {
            throw RemoteErrors.canceled();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ShaleException shale) {
                throw shale;
            }
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "remote call \"" + call.method + "\" failed", e.getCause());
        }
    }

    /** Cancels the call unless it has ended: the server drops the work. */
    @Override
    public void close() {
        call.future.cancel(true);
    }
}
