package io.shale.engine.exec;

import java.util.concurrent.locks.LockSupport;

/**
 * Lets other sessions run during a long statement. Sessions are virtual threads on few carrier
 * threads, and {@link Thread#yield()} puts a virtual thread back at the head of its carrier's own
 * queue, ahead of the sessions the event loop woke meanwhile; a short park sends it behind them.
 */
public final class CarrierYield {
    private static final long PARK_NANOS = 1_000;

    private CarrierYield() {
    }

    /** Parks the calling virtual thread briefly; does nothing on a platform thread. */
    public static void now() {
        if (Thread.currentThread().isVirtual()) {
            LockSupport.parkNanos(PARK_NANOS);
        }
    }
}
