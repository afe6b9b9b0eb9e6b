package io.shale.catalog;

import io.shale.catalog.distribution.ClusterNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The cluster-wide part of the distribution metadata: {@code pg_dist_node} and its id sequences. */
record ClusterMetadata(List<ClusterNode> nodes, int nextNodeId, int nextGroupId) {
    static final ClusterMetadata EMPTY = new ClusterMetadata(List.of(), 1, 1);

    ClusterMetadata {
        List<ClusterNode> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingInt(ClusterNode::nodeId));
        nodes = List.copyOf(sorted);
    }

    static ClusterMetadata of(Collection<ClusterNode> nodes, int nextNodeId, int nextGroupId) {
        return new ClusterMetadata(List.copyOf(nodes), nextNodeId, nextGroupId);
    }
}
