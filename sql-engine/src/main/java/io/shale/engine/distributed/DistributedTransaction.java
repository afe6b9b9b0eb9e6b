package io.shale.engine.distributed;

import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.txn.DistributedTransactionId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinator's state of one client session's distributed transaction: its id and the remote nodes (groups) that
 * have a task session in it, whether each wrote, and how far the commit got. Used by the session's thread, and read
 * by the deadlock detector (the id only).
 */
final class DistributedTransaction {
    /** Where a participant is in the commit protocol. */
    enum Stage { OPEN, PREPARED, FINISHED }

    /** One remote group taking part. */
    static final class Participant {
        final int group;
        final NodeAddress address;
        boolean wrote;
        /** Whether a task was sent (the first one opens the task session). */
        boolean opened;
        /** The client's savepoints set in this participant's block, oldest first. */
        final List<String> savepoints = new ArrayList<>();
        Stage stage = Stage.OPEN;
        String gid;

        Participant(int group, NodeAddress address) {
            this.group = group;
            this.address = address;
        }
    }

    final DistributedTransactionId id;
    final int processId;
    private final Map<Integer, Participant> participants = new LinkedHashMap<>();
    /** Whether the commit records of the prepared participants went into the local transaction. */
    boolean recordsWritten;

    DistributedTransaction(DistributedTransactionId id, int processId) {
        this.id = id;
        this.processId = processId;
    }

    synchronized Participant participant(int group, NodeAddress address) {
        return participants.computeIfAbsent(group, g -> new Participant(g, address));
    }

    synchronized List<Participant> participants() {
        return new ArrayList<>(participants.values());
    }

    /** Forgets a participant whose task session was rolled back entirely (a later task opens a new one). */
    synchronized void remove(Participant participant) {
        participants.remove(participant.group, participant);
    }

    synchronized boolean isEmpty() {
        return participants.isEmpty();
    }
}
