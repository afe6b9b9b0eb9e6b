package io.shale.engine.citus;

import java.util.concurrent.locks.LockSupport;

/**
 * Bounds the speed of a shard move's copy to {@code shale.shard_copy_rate_limit} megabytes per second (0: unbounded):
 * after each batch the move waits until the bytes sent so far fit the rate since it started.
 */
final class CopyThrottle {
    /** The setting: megabytes per second, 0 for no bound. */
    static final String SETTING = "shale.shard_copy_rate_limit";
    private static final long MB = 1L << 20;

    private final DistributionContext context;
    private final long bytesPerSecond;
    private final long start = System.nanoTime();
    private long sent;

    CopyThrottle(DistributionContext context, long megabytesPerSecond) {
        this.context = context;
        this.bytesPerSecond = megabytesPerSecond * MB;
    }

    /** The bytes one request may send: {@code max}, or a quarter second's worth when bounded. */
    long budget(long max) {
        return bytesPerSecond <= 0 ? max : Math.max(64 * 1024, Math.min(max, bytesPerSecond / 4));
    }

    /** Counts {@code bytes} sent and waits (interruptibly) until they fit the rate. */
    void account(long bytes) {
        sent += bytes;
        if (bytesPerSecond <= 0) {
            return;
        }
        long due = start + (long) (sent * 1e9 / bytesPerSecond);
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            context.checkInterrupted();
            LockSupport.parkNanos(Math.min(left, 100_000_000L));
        }
    }
}
