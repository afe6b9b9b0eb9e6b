package io.shale.cluster.node;

import io.shale.cluster.rpc.NodeAddress;

/**
 * What a node knows of its place in the cluster beyond the shared catalog: its own group id (0 on
 * the coordinator and on a node no coordinator has added yet) and the address of the coordinator
 * that added it. Kept in the node's data directory through {@link Persistence}. Thread-safe.
 */
public final class Membership {
    /** Stores the membership durably (a file in the data directory). */
    @FunctionalInterface
    public interface Persistence {
        void save(int groupId, NodeAddress coordinator);
    }

    private final Persistence persistence;
    private volatile int groupId;
    private volatile NodeAddress coordinator;

    /** The membership read at start: {@code coordinator} null when no coordinator added this node. */
    public Membership(int groupId, NodeAddress coordinator, Persistence persistence) {
        this.groupId = groupId;
        this.coordinator = coordinator;
        this.persistence = persistence;
    }

    /** The node's group (pg_dist_local_group). */
    public int groupId() {
        return groupId;
    }

    /** The coordinator that added this node, or null on the coordinator itself. */
    public NodeAddress coordinator() {
        return coordinator;
    }

    /** Whether this node runs cluster-wide changes itself (group 0). */
    public boolean isCoordinator() {
        return groupId == 0;
    }

    /** Records that {@code coordinator} added this node as group {@code group}; durable when it returns. */
    public synchronized void join(int group, NodeAddress newCoordinator) {
        persistence.save(group, group == 0 ? null : newCoordinator);
        groupId = group;
        coordinator = group == 0 ? null : newCoordinator;
    }
}
