package io.shale.storage;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A node's hybrid logical clock: the source of snapshot and commit timestamps. Thread-safe; one
 * instance per node (never static), shared by the node's stores and its 2PC coordinator.
 *
 * <p>A timestamp is a positive {@code long}:
 * <pre>
 *   63                                   16 15              0
 *  +---------------------------------------+-----------------+
 *  |  physical time, Unix epoch millis     | logical counter |
 *  +---------------------------------------+-----------------+
 * </pre>
 * {@link #now()} returns a value strictly greater than every value it returned before and than
 * every value passed to {@link #update(long)}. When the wall clock stands still (or goes back),
 * the logical counter counts up; after 65,536 timestamps in one millisecond it carries into the
 * physical part, so the clock runs slightly ahead of the wall until the wall catches up.
 */
public final class HybridLogicalClock {
    /** Bits of the logical counter, below the physical millis. */
    public static final int LOGICAL_BITS = 16;

    private final LongSupplier physicalMillis;
    private final AtomicLong last = new AtomicLong();

    /** A clock over the system's wall clock. */
    public HybridLogicalClock() {
        this(System::currentTimeMillis);
    }

    /** A clock over the given wall clock (tests pass a manual one). */
    public HybridLogicalClock(LongSupplier physicalMillis) {
        this.physicalMillis = physicalMillis;
    }

    /** A new timestamp, greater than all earlier ones. */
    public long now() {
        long physical = physicalMillis.getAsLong() << LOGICAL_BITS;
        return last.accumulateAndGet(physical, (previous, wall) -> wall > previous ? wall : previous + 1);
    }

    /** The newest timestamp handed out or observed, without advancing the clock. */
    public long current() {
        return last.get();
    }

    /**
     * Moves the clock up to a timestamp observed from another node (or the wall clock, if later),
     * so that every later {@link #now()} is greater; returns the clock's new value.
     */
    public long update(long observed) {
        long physical = physicalMillis.getAsLong() << LOGICAL_BITS;
        long floor = Math.max(physical, observed);
        return last.accumulateAndGet(floor, (previous, candidate) -> candidate > previous ? candidate : previous + 1);
    }

    /** The physical part of a timestamp, in Unix epoch milliseconds. */
    public static long physicalMillis(long timestamp) {
        return timestamp >>> LOGICAL_BITS;
    }

    /** The logical part of a timestamp. */
    public static int logical(long timestamp) {
        return (int) (timestamp & ((1L << LOGICAL_BITS) - 1));
    }
}
