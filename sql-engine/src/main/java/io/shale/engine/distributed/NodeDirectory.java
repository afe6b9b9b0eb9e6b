package io.shale.engine.distributed;

import io.shale.catalog.distribution.ClusterNode;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** Where the groups of the cluster are: this node's group, the address of a group's node, and every group. */
public interface NodeDirectory {
    /** This node's group. */
    int localGroup();

    /** The internal address of the node of {@code group}; 08006-style error when the group has no node. */
    NodeAddress addressOf(int group);

    /** Every group with a node, this node's included. */
    List<Integer> groups();

    /** The directory read from the node's catalog (pg_dist_node) and its own group as the node knows it. */
    static NodeDirectory ofCatalog(Engine engine, IntSupplier localGroup) {
        return new NodeDirectory() {
            @Override
            public int localGroup() {
                return localGroup.getAsInt();
            }

            @Override
            public NodeAddress addressOf(int group) {
                ClusterNode node = engine.catalog().nodeOfGroup(group);
                if (node == null) {
                    throw new ShaleException(ErrorCode.CONNECTION_EXCEPTION, "there is no node in group " + group);
                }
                return new NodeAddress(node.nodeName(), node.nodePort());
            }

            @Override
            public List<Integer> groups() {
                List<Integer> groups = new ArrayList<>();
                for (ClusterNode node : engine.catalog().nodes()) {
                    if (!groups.contains(node.groupId())) {
                        groups.add(node.groupId());
                    }
                }
                if (!groups.contains(localGroup.getAsInt())) {
                    groups.add(localGroup.getAsInt());
                }
                return groups;
            }
        };
    }
}
