package io.shale.wire;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The decoded messages of one connection, from the event loop to the worker, in order. When the
 * worker falls behind, reading from the socket pauses (backpressure) and resumes once the queue
 * has drained. Thread-safe: one producer (the event loop), one consumer (the worker).
 */
final class MessageQueue {
    static final int HIGH_WATER = 128;
    static final int LOW_WATER = 16;

    /**
     * Turns reading from the socket on or off; called from whichever thread crosses a mark, under
     * the queue's monitor, so that a pause and the resume that follows it reach the channel in
     * that order (else reading could stay off with the worker waiting for input).
     */
    interface ReadControl {
        void setAutoRead(boolean autoRead);
    }

    private final ArrayDeque<FrontendMessage> messages = new ArrayDeque<>();
    private final ReadControl readControl;
    private boolean paused;
    private boolean waiting;

    MessageQueue(ReadControl readControl) {
        this.readControl = readControl;
    }

    void add(FrontendMessage message) {
        addAll(List.of(message));
    }

    /** Adds messages at once, so the worker sees a pipelined batch whole. */
    void addAll(List<FrontendMessage> batch) {
        synchronized (this) {
            messages.addAll(batch);
            if (!paused && messages.size() >= HIGH_WATER) {
                paused = true;
                readControl.setAutoRead(false);
            }
            notifyAll();
        }
    }

    /**
     * The next message; blocks until there is one. {@link FrontendMessage.Disconnected} stays at
     * the head, so every later take sees it too.
     */
    FrontendMessage take() throws InterruptedException {
        synchronized (this) {
            while (messages.isEmpty()) {
                waiting = true;
                try {
                    wait();
                } finally {
                    waiting = false;
                }
            }
            FrontendMessage message = messages.peekFirst() instanceof FrontendMessage.Disconnected
                    ? messages.peekFirst() : messages.removeFirst();
            if (paused && messages.size() <= LOW_WATER) {
                paused = false;
                readControl.setAutoRead(true);
            }
            return message;
        }
    }

    synchronized boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Whether the worker is blocked waiting for input with nothing queued (tests use it). */
    synchronized boolean isIdle() {
        return waiting && messages.isEmpty();
    }
}
