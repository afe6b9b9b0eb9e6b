package io.shale.catalog.distribution;

/**
 * One row of {@code pg_dist_node}: a node of the cluster, shared by every database of the catalog.
 *
 * @param groupId 0 for the coordinator, workers from 1
 * @param nodeRole {@code primary}, {@code secondary} or {@code unavailable}
 */
public record ClusterNode(int nodeId, int groupId, String nodeName, int nodePort, String nodeRack,
                          boolean hasMetadata, boolean isActive, String nodeRole, String nodeCluster,
                          boolean metadataSynced, boolean shouldHaveShards) {

    /** The (name, port) by which placement orders candidate nodes. */
    public NodeAddress address() {
        return new NodeAddress(nodeName, nodePort);
    }

    /** Whether this node is the coordinator (group 0). */
    public boolean isCoordinator() {
        return groupId == 0;
    }

    /** Whether this is an active primary node, the kind that can hold new placements. */
    public boolean isActivePrimary() {
        return isActive && "primary".equals(nodeRole);
    }
}
