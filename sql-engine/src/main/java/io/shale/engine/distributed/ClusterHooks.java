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

    /**
     * The sizes in bytes of relations in the store of the node of {@code groupId} (request {@code shard.size}), or
     * null when that node cannot be asked.
     */
    default long[] relationSizes(int groupId, int databaseOid, int[] relationOids) {
        return null;
    }

    /**
     * Sends a {@code tenant.stats} request (citus_stat_tenants) to the node of {@code groupId}; its answer, or null when
     * that node cannot be asked.
     */
    default byte[] tenantStats(int groupId, byte[] request) {
        return null;
    }

    /**
     * Sends a {@code shard.transfer} request (online shard moves) to the node of {@code groupId} and waits for its
     * answer; fails when that node cannot be asked.
     */
    default byte[] shardTransfer(int groupId, byte[] request) {
        throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.FEATURE_NOT_SUPPORTED,
                "moving shards is not supported on a node outside a cluster");
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

    /** SAVEPOINT in the session's block: the nodes its transaction runs tasks on set it too. */
    default void savepoint(SessionContextView session, String name) {
    }

    /** RELEASE SAVEPOINT in the session's block (before the local release). */
    default void releaseSavepoint(SessionContextView session, String name) {
    }

    /**
     * ROLLBACK TO SAVEPOINT in the session's block (before the local one): the nodes that had the savepoint roll back
     * to it, those that joined the transaction after it roll back entirely.
     */
    default void rollbackToSavepoint(SessionContextView session, String name) {
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

    /**
     * Metadata sync, phase one: called on the coordinator when a transaction that changed the catalog is about to
     * commit (its catalog written, the DDL lock held); ships {@code next} to every other active node. Throws to fail
     * the commit, with nothing applied anywhere.
     */
    default void stageCatalog(io.shale.catalog.Catalog next) {
    }

    /** Metadata sync, phase two: the local commit succeeded; the other nodes switch to {@code next}. */
    /**
     * Sends rows for shard relations on group {@code groupId}'s node, written there in the
     * transaction that holds the staged catalog {@code next} (after {@link #stageCatalog}).
     */
    default void stageRows(io.shale.catalog.Catalog next, int groupId, byte[] payload) {
        throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.FEATURE_NOT_SUPPORTED,
                "copying rows to shard placements on other nodes is not supported on a node outside a cluster");
    }

    default void publishCatalog(io.shale.catalog.Catalog next) {
    }

    /** The local commit of a staged catalog failed: the other nodes drop it. */
    default void abortCatalog(io.shale.catalog.Catalog next) {
    }

    /**
     * Sends a catalog-changing statement issued on this worker to the coordinator and waits until this node has the
     * catalog the statement made; returns the command tag.
     */
    default io.shale.cluster.node.ForwardedStatement.Result forwardDdl(io.shale.cluster.node.ForwardedStatement statement) {
        throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.FEATURE_NOT_SUPPORTED,
                "forwarding DDL to the coordinator is not supported on a node outside a cluster");
    }

    /**
     * Makes the node at {@code host:port} a member of group {@code groupId} and ships it {@code catalog}
     * (citus_add_node, citus_activate_node); fails as Citus does when the node cannot be reached.
     */
    default void joinNode(String host, int port, int groupId, io.shale.catalog.Catalog catalog) {
        throw new io.shale.common.error.ShaleException(io.shale.common.error.ErrorCode.CONNECTION_FAILURE,
                "connection to the remote node " + host + ":" + port
                        + " failed with the following error: this node has no cluster secret");
    }
}
