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
}
