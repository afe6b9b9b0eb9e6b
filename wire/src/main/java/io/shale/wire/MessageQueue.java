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

    /** Turns reading from the socket on or off; called from whichever thread crosses a mark. */
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
        boolean pause;
        synchronized (this) {
            messages.addAll(batch);
            pause = !paused && messages.size() >= HIGH_WATER;
            if (pause) {
                paused = true;
            }
            notifyAll();
        }
        if (pause) {
            readControl.setAutoRead(false);
        }
    }

    /**
     * The next message; blocks until there is one. {@link FrontendMessage.Disconnected} stays at
     * the head, so every later take sees it too.
     */
    FrontendMessage take() throws InterruptedException {
        FrontendMessage message;
        boolean resume;
        synchronized (this) {
            while (messages.isEmpty()) {
                waiting = true;
                try {
                    wait();
                } finally {
                    waiting = false;
                }
            }
            message = messages.peekFirst() instanceof FrontendMessage.Disconnected
                    ? messages.peekFirst() : messages.removeFirst();
            resume = paused && messages.size() <= LOW_WATER;
            if (resume) {
                paused = false;
            }
        }
        if (resume) {
            readControl.setAutoRead(true);
        }
        return message;
    }

    synchronized boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Whether the worker is blocked waiting for input with nothing queued (tests use it). */
    synchronized boolean isIdle() {
        return waiting && messages.isEmpty();
    }
}
