package io.shale.engine.distributed;

/**
 * How the engine of one node takes part in a cluster: its group, whether it is the coordinator, and the task runner
 * of a session. Every method has a default, so each part of the cluster adds its own without breaking the others;
 * {@link #SINGLE_NODE} is the engine alone (group 0, the coordinator, every task local).
 */
public interface ClusterHooks {
    /** A node that is not part of a cluster. */
    ClusterHooks SINGLE_NODE = new ClusterHooks() {
    };

    /** The node's own group id (0 on the coordinator). */
    default int localGroupId() {
        return 0;
    }

    /** Whether this node is the coordinator (group 0). */
    default boolean isCoordinator() {
        return true;
    }

    /**
     * The runner for the tasks of a session: {@code local} runs the tasks of this node's group in the session's own
     * transaction; a cluster implementation sends the others to their nodes.
     */
    default TaskRunner taskRunner(SessionContextView session, TaskRunner local) {
        return local;
    }

    /**
     * Before the session's store transaction commits (COMMIT, or the end of an implicit transaction): a distributed
     * transaction commits its remote participants here, with two-phase commit when more than one node wrote. Throwing
     * makes the commit fail: the local transaction then rolls back and {@link #afterRollback} runs.
     *
     * @param local the session's store transaction (null when none is open); commit records go into it
     * @param localWrites whether the local transaction wrote anything (this node is a writing participant)
     */
    default void beforeCommit(SessionContextView session, io.shale.storage.Transaction local, boolean localWrites) {
    }

    /** After the session's store transaction committed: prepared participants are committed. Must not throw. */
    default void afterCommit(SessionContextView session) {
    }

    /** After the session's transaction rolled back (ROLLBACK, a failed implicit transaction, a closed session). */
    default void afterRollback(SessionContextView session) {
    }

    /** Before PREPARE TRANSACTION of the session's block; throws when the transaction cannot be prepared. */
    default void beforePrepare(SessionContextView session) {
    }

    /** {@code recover_prepared_transactions()}: finishes this node's prepared transactions; their number. */
    default int recoverPreparedTransactions() {
        return 0;
    }

    /** {@code check_distributed_deadlocks()}: one detection pass; whether a deadlock was found (and cancelled). */
    default boolean checkDistributedDeadlocks() {
        return false;
    }
}
