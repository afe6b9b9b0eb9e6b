package io.shale.engine.citus;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogEditor;
import io.shale.catalog.Database;
import io.shale.catalog.DatabaseCatalog;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.catalog.distribution.Shard;
import io.shale.catalog.distribution.ShardPlacement;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

/**
 * The node management changes of one call, as Citus makes them (reference §1.4): each edits the
 * calling transaction's catalog, which the commit publishes and ships to every active node.
 */
final class NodeChanges {
    private final NodeSession session;

    NodeChanges(NodeSession session) {
        this.session = session;
    }

    void setCoordinatorHost(String host, int port, String role, String cluster) {
        ensureCoordinator();
        CatalogEditor editor = session.editCatalog();
        ClusterNode existing = null;
        for (ClusterNode n : editor.nodes()) {
            if (n.groupId() == 0 && n.nodeRole().equals("primary")) {
                existing = n;
            }
        }
        if (existing != null && existing.nodeName().equals(host) && existing.nodePort() == port
                && existing.nodeRole().equals(role) && existing.nodeCluster().equals(cluster)) {
            return;
        }
        if (existing != null) {
            editor.putNode(new ClusterNode(existing.nodeId(), 0, host, port, existing.nodeRack(), true, true, role,
                    cluster, true, existing.shouldHaveShards()));
        } else {
            editor.putNode(new ClusterNode(editor.allocateNodeId(), 0, host, port, "default", true, true, role, cluster,
                    true, false));
        }
        session.catalogChanged(editor.build());
    }

    int addNode(String host, int port, int groupId, String role, String cluster) {
        ensureCoordinator();
        CatalogEditor editor = session.editCatalog();
        ClusterNode existing = find(editor, host, port);
        if (existing != null) {
            return existing.nodeId();
        }
        if (!role.equals("primary") || !cluster.equals("default")) {
            throw new ShaleException(ErrorCode.FEATURE_NOT_SUPPORTED, "adding a " + role + " node is not supported");
        }
        int group = groupId == -1 ? editor.allocateGroupId() : groupId;
        for (ClusterNode n : editor.nodes()) {
            if (n.groupId() == group && n.nodeRole().equals("primary")) {
                throw new ShaleException(ErrorCode.INTERNAL_ERROR, "there cannot be two primary nodes in a group");
            }
        }
        if (group != 0) {
            session.cluster().joinNode(host, port, group, session.committedCatalog());
        }
        int nodeId = editor.allocateNodeId();
        editor.putNode(new ClusterNode(nodeId, group, host, port, "default", true, true, role, cluster, true,
                group != 0));
        // reference tables reach the new node lazily, as in Citus: at the next create_distributed_table or
        // replicate_reference_tables()
        session.catalogChanged(editor.build());
        return nodeId;
    }

    /**
     * citus_update_node: node {@code nodeId} is now reached at {@code host:port} (after a failover,
     * or a cluster restarted on its data with other ports); its group, placements and flags stay.
     */
    void updateNode(int nodeId, String host, int port) {
        ensureCoordinator();
        CatalogEditor editor = session.editCatalog();
        ClusterNode node = null;
        for (ClusterNode n : editor.nodes()) {
            if (n.nodeId() == nodeId) {
                node = n;
            }
        }
        if (node == null) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "node " + nodeId + " not found");
        }
        if (node.nodeName().equals(host) && node.nodePort() == port) {
            return;
        }
        if (find(editor, host, port) != null) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "there is already another node with the specified hostname and port");
        }
        editor.putNode(new ClusterNode(node.nodeId(), node.groupId(), host, port, node.nodeRack(), node.hasMetadata(),
                node.isActive(), node.nodeRole(), node.nodeCluster(), node.metadataSynced(), node.shouldHaveShards()));
        session.catalogChanged(editor.build());
    }

    void removeNode(String host, int port) {
        ensureCoordinator();
        CatalogEditor editor = session.editCatalog();
        ClusterNode node = require(editor, host, port);
        checkNotOnlyPlacement(editor.build(), node);
        editor.removeNode(node.nodeId());
        session.catalogChanged(editor.build());
    }

    void disableNode(String host, int port, boolean synchronous) {
        ensureCoordinator();
        CatalogEditor editor = session.editCatalog();
        ClusterNode node = require(editor, host, port);
        ClusterNode first = firstWorker(editor);
        if (!synchronous && first != null && first.nodeId() == node.nodeId()) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "disabling the first worker node in the metadata is not allowed")
                    .withDetail("Citus uses the first worker node in the metadata for certain internal operations when "
                            + "replicated tables are modified. Synchronous mode ensures that all nodes have the same "
                            + "view of the first worker node, which is used for certain locking operations.")
                    .withHint("You can force disabling node, SELECT citus_disable_node('" + host + "', " + port
                            + ", synchronous:=true);");
        }
        checkNotOnlyPlacement(editor.build(), node);
        editor.putNode(with(node, false, node.shouldHaveShards()));
        session.catalogChanged(editor.build());
    }

    int activateNode(String host, int port) {
        ensureCoordinator();
        CatalogEditor editor = session.editCatalog();
        ClusterNode node = require(editor, host, port);
        editor.putNode(with(node, true, node.shouldHaveShards()));
        session.catalogChanged(editor.build());
        return node.nodeId();
    }

    void setNodeProperty(String host, int port, String property, boolean value) {
        ensureCoordinator();
        if (!property.equals("shouldhaveshards")) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR,
                    "only the 'shouldhaveshards' property can be set using this function");
        }
        CatalogEditor editor = session.editCatalog();
        ClusterNode node = require(editor, host, port);
        editor.putNode(with(node, node.isActive(), value));
        session.catalogChanged(editor.build());
    }

    private void ensureCoordinator() {
        if (!session.cluster().isCoordinator()) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "operation is not allowed on this node")
                    .withHint("Connect to the coordinator and run it again.");
        }
    }

    private static ClusterNode with(ClusterNode n, boolean active, boolean shouldHaveShards) {
        return new ClusterNode(n.nodeId(), n.groupId(), n.nodeName(), n.nodePort(), n.nodeRack(), n.hasMetadata(),
                active, n.nodeRole(), n.nodeCluster(), n.metadataSynced(), shouldHaveShards);
    }

    private static ClusterNode find(CatalogEditor editor, String host, int port) {
        for (ClusterNode n : editor.nodes()) {
            if (n.nodeName().equals(host) && n.nodePort() == port) {
                return n;
            }
        }
        return null;
    }

    private static ClusterNode require(CatalogEditor editor, String host, int port) {
        ClusterNode node = find(editor, host, port);
        if (node == null) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "node at \"" + host + ":" + port + "\" does not exist");
        }
        return node;
    }

    /** The worker with the lowest node id: Citus's "first worker node in the metadata". */
    private static ClusterNode firstWorker(CatalogEditor editor) {
        for (ClusterNode n : editor.nodes()) {
            if (!n.isCoordinator() && n.nodeRole().equals("primary")) {
                return n;
            }
        }
        return null;
    }

    /** Refuses to remove or disable the node holding the only placement of a shard. */
    private static void checkNotOnlyPlacement(Catalog catalog, ClusterNode node) {
        for (Database d : catalog.databases()) {
            DatabaseCatalog objects = catalog.objects(d.oid());
            for (Shard shard : objects.allShards()) {
                var placements = objects.placements(shard.shardId());
                boolean here = false;
                boolean elsewhere = false;
                for (ShardPlacement p : placements) {
                    here |= p.groupId() == node.groupId();
                    elsewhere |= p.groupId() != node.groupId();
                }
                if (here && !elsewhere) {
                    var table = objects.relation(shard.relationOid());
                    throw new ShaleException(ErrorCode.INTERNAL_ERROR, "cannot remove or disable the node "
                            + node.nodeName() + ":" + node.nodePort()
                            + " because because it contains the only shard placement for shard " + shard.shardId())
                            .withDetail("One of the table(s) that prevents the operation complete successfully is "
                                    + (table == null ? String.valueOf(shard.relationOid()) : table.name()))
                            .withHint("To proceed, either drop the tables or use undistribute_table() function to "
                                    + "convert them to local tables");
                }
            }
        }
    }
}
