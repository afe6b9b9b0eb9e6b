package io.shale.engine.citus;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shard moves a node runs now, as {@code get_rebalance_progress()} and the running tasks of
 * {@code citus_rebalance_status()} show them (citus.md §7.5, §7.7): a move registers each shard of its group,
 * then reports its phase, the sizes on source and target and its change-stream positions as it goes. One per
 * node (the coordinator runs the moves). Thread-safe.
 */
public final class MoveProgress {
    /** The steps of a move, with the status text Citus shows for each. */
    public enum Phase {
        NOT_STARTED("Not Started Yet"),
        SETTING_UP("Setting Up"),
        COPYING_DATA("Copying Data"),
        CATCHING_UP("Catching Up"),
        CREATING_CONSTRAINTS("Creating Constraints"),
        FINAL_CATCHUP("Final Catchup"),
        CREATING_FOREIGN_KEYS("Creating Foreign Keys"),
        COMPLETING("Completing"),
        COMPLETED("Completed");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        /** The text of get_rebalance_progress().status and of a running task's "phase". */
        public String label() {
            return label;
        }
    }

    /**
     * One shard of a move as seen now. {@code progress} is Citus's 0 (not started), 1 (moving), 2 (done);
     * positions are change-stream LSNs ({@code X/Y} through {@code Lsn.format}), 0 while unknown.
     */
    public record Status(int sessionPid, int databaseOid, int tableOid, long shardId, long shardSize,
                         String sourceName, int sourcePort, String targetName, int targetPort,
                         long sourceShardSize, long targetShardSize, String operationType, long sourceLsn,
                         long targetLsn, Phase phase) {
        public int progress() {
            return switch (phase) {
                case NOT_STARTED -> 0;
                case COMPLETED -> 2;
                default -> 1;
            };
        }
    }

    /** A registered shard; the move updates it and closes it when the move ends (either way). */
    public final class Entry implements AutoCloseable {
        private volatile Status status;

        private Entry(Status status) {
            this.status = status;
        }

        public Status status() {
            return status;
        }

        public void phase(Phase phase) {
            Status s = status;
            status = new Status(s.sessionPid(), s.databaseOid(), s.tableOid(), s.shardId(), s.shardSize(),
                    s.sourceName(), s.sourcePort(), s.targetName(), s.targetPort(), s.sourceShardSize(),
                    s.targetShardSize(), s.operationType(), s.sourceLsn(), s.targetLsn(), phase);
        }

        public void sizes(long sourceShardSize, long targetShardSize) {
            Status s = status;
            status = new Status(s.sessionPid(), s.databaseOid(), s.tableOid(), s.shardId(), s.shardSize(),
                    s.sourceName(), s.sourcePort(), s.targetName(), s.targetPort(), sourceShardSize,
                    targetShardSize, s.operationType(), s.sourceLsn(), s.targetLsn(), s.phase());
        }

        public void positions(long sourceLsn, long targetLsn) {
            Status s = status;
            status = new Status(s.sessionPid(), s.databaseOid(), s.tableOid(), s.shardId(), s.shardSize(),
                    s.sourceName(), s.sourcePort(), s.targetName(), s.targetPort(), s.sourceShardSize(),
                    s.targetShardSize(), s.operationType(), sourceLsn, targetLsn, s.phase());
        }

        @Override
        public void close() {
            entries.remove(this);
        }
    }

    /** One step of a move's write-blocked window and how long it took. */
    public record CutoverStep(String name, long nanos) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final java.util.Set<Object> onlineMoveTransactions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile long lastWriteBlockNanos;
    private volatile List<CutoverStep> lastCutoverSteps = List.of();

    /**
     * Records how long the last move that committed held writes (from its write-block mark to its switch), and the
     * steps of that window.
     */
    void writesBlocked(long nanos, List<CutoverStep> steps) {
        lastWriteBlockNanos = nanos;
        lastCutoverSteps = List.copyOf(steps);
    }

    /** The steps of the write-blocked window of the last move that committed on this node, in order. */
    public List<CutoverStep> lastCutoverSteps() {
        return lastCutoverSteps;
    }

    /** How long the last move that committed on this node held writes, in nanoseconds (0 before any). */
    public long lastWriteBlockNanos() {
        return lastWriteBlockNanos;
    }

    /**
     * Marks {@code transaction} (a session's store transaction) as running an online move: false when it already runs
     * or ran one (Citus allows one logical-replication move per transaction). {@link #onlineMoveEnded} clears it.
     */
    boolean claimOnlineMove(Object transaction) {
        return onlineMoveTransactions.add(transaction);
    }

    /** The transaction that {@link #claimOnlineMove claimed} an online move ended. */
    void onlineMoveEnded(Object transaction) {
        onlineMoveTransactions.remove(transaction);
    }

    /** Registers a shard about to move (phase {@link Phase#NOT_STARTED} unless given otherwise). */
    public Entry register(Status initial) {
        Entry e = new Entry(initial);
        entries.add(e);
        return e;
    }

    /** Every registered shard now, in registration order. */
    public List<Status> statuses() {
        List<Status> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.status());
        }
        return out;
    }
}
