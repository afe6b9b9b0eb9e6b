package io.shale.storage.lsm;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The commits of a store while a store snapshot is open ({@link PinnedSnapshot}): each commit's final writes with its
 * timestamp, recorded before the commit becomes visible, so that every commit at or below the stable timestamp is
 * here. {@link LsmKeyValueStore#changes} reads a range's changes from it in time proportional to the writes since the
 * pin, not to the range's size. Commits older than every open pin are dropped. Thread-safe.
 */
final class ChangeFeed {
    private record Commit(long timestamp, List<LogRecord.Write> writes) {
    }

    private final ConcurrentLinkedQueue<Commit> commits = new ConcurrentLinkedQueue<>();
    private volatile boolean active;

    /** Whether commits are recorded (a snapshot is open). */
    boolean active() {
        return active;
    }

    /** Starts or stops recording; stopping forgets what was recorded. */
    void activate(boolean on) {
        active = on;
        if (!on) {
            commits.clear();
        }
    }

    /** Records a commit's final writes (when active); called before the commit becomes visible. */
    void record(long timestamp, TransactionWrites writes) {
        if (active && !writes.isEmpty()) {
            commits.add(new Commit(timestamp, writes.finalWrites()));
        }
    }

    /** Adds the recorded writes of keys in {@code [from, to)} (null: unbounded) committed in {@code (after, until]}. */
    void gather(byte[] from, byte[] to, long after, long until, List<ChangeList.Change> out) {
        for (Commit c : commits) {
            if (c.timestamp() <= after || c.timestamp() > until) {
                continue;
            }
            for (LogRecord.Write w : c.writes()) {
                if ((from == null || Arrays.compareUnsigned(w.key(), from) >= 0)
                        && (to == null || Arrays.compareUnsigned(w.key(), to) < 0)) {
                    out.add(new ChangeList.Change(c.timestamp(), w.key(), w.value()));
                }
            }
        }
    }

    /** Drops the commits at or below {@code timestamp} (no open pin needs them). */
    void dropThrough(long timestamp) {
        commits.removeIf(c -> c.timestamp() <= timestamp);
    }
}
