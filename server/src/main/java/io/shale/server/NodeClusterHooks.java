package io.shale.server;

import io.shale.catalog.Catalog;
import io.shale.catalog.CatalogCodec;
import io.shale.catalog.distribution.ClusterNode;
import io.shale.cluster.node.CatalogSync;
import io.shale.cluster.node.ForwardedStatement;
import io.shale.cluster.node.Membership;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.distributed.ClusterHooks;
import io.shale.engine.distributed.DistributedTransactions;
import io.shale.engine.distributed.SessionContextView;
import io.shale.engine.distributed.TaskRunner;
import io.shale.storage.Transaction;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster as the engine of one node sees it: its group, metadata sync to the other active
 * nodes when the coordinator commits a catalog change, DDL forwarding from workers, and joining
 * nodes (CLUSTER.md, points 3 and 8); tasks for other nodes and distributed transactions go to
 * {@link DistributedTransactions}.
 */
class NodeClusterHooks implements ClusterHooks {
    private final CatalogSync sync;
    private final Membership membership;
    private final NodeAddress self;
    private final DistributedTransactions transactions;
    private final io.shale.engine.citus.ShardSizeService shardSizes;
    private final io.shale.engine.citus.TenantStatsService tenantStats;
    private final io.shale.engine.citus.ShardTransferService shardTransfer;

    NodeClusterHooks(CatalogSync sync, NodeAddress self, DistributedTransactions transactions,
                     io.shale.engine.citus.ShardSizeService shardSizes,
                     io.shale.engine.citus.TenantStatsService tenantStats,
                     io.shale.engine.citus.ShardTransferService shardTransfer) {
        this.sync = sync;
        this.shardTransfer = shardTransfer;
        this.tenantStats = tenantStats;
        this.shardSizes = shardSizes;
        this.transactions = transactions;
        this.membership = sync.membership();
        this.self = self;
    }

    @Override
    public int localGroupId() {
        return membership.groupId();
    }

    @Override
    public long[] relationSizes(int groupId, int databaseOid, int[] relationOids) {
        return shardSizes.sizes(groupId, databaseOid, relationOids);
    }

    @Override
    public byte[] tenantStats(int groupId, byte[] request) {
        return tenantStats.call(groupId, request);
    }

    @Override
    public byte[] shardTransfer(int groupId, byte[] request) {
        return shardTransfer.call(groupId, request);
    }

    @Override
    public boolean isCoordinator() {
        return membership.isCoordinator();
    }

    @Override
    public void stageCatalog(Catalog next) {
        if (!membership.isCoordinator()) {
            throw new ShaleException(ErrorCode.INTERNAL_ERROR, "operation is not allowed on this node")
                    .withHint("Connect to the coordinator and run it again.");
        }
        List<NodeAddress> targets = targets(next);
        if (!targets.isEmpty()) {
            sync.stage(targets, CatalogCodec.encode(next), next.version());
        }
    }

    @Override
    public void stageRows(Catalog next, int groupId, byte[] payload) {
        ClusterNode node = next.nodeOfGroup(groupId);
        List<NodeAddress> targets = targets(next);
        NodeAddress target = node == null ? null : new NodeAddress(node.nodeName(), node.nodePort());
        if (target == null || !targets.contains(target)) {
            sync.abort(targets, next.version());
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "cannot copy rows to the placements of group " + groupId + ": its node is not active");
        }
        sync.stageRows(target, payload, targets, next.version());
    }

    @Override
    public void publishCatalog(Catalog next) {
        List<NodeAddress> targets = targets(next);
        if (!targets.isEmpty()) {
            sync.publish(targets, next.version());
        }
    }

    @Override
    public void abortCatalog(Catalog next) {
        List<NodeAddress> targets = targets(next);
        if (!targets.isEmpty()) {
            sync.abort(targets, next.version());
        }
    }

    @Override
    public ForwardedStatement.Result forwardDdl(ForwardedStatement statement) {
        return sync.forward(statement);
    }

    @Override
    public void joinNode(String host, int port, int groupId, Catalog catalog) {
        sync.join(new NodeAddress(host, port), groupId, CatalogCodec.encode(catalog));
    }

    /** The active nodes of other groups than this one: where a coordinator's catalog goes. */
    private List<NodeAddress> targets(Catalog next) {
        List<NodeAddress> targets = new ArrayList<>();
        if (!membership.isCoordinator()) {
            return targets;
        }
        for (ClusterNode node : next.nodes()) {
            NodeAddress address = new NodeAddress(node.nodeName(), node.nodePort());
            if (node.isActive() && node.groupId() != membership.groupId() && !address.equals(self)) {
                targets.add(address);
            }
        }
        return targets;
    }

    @Override
    public TaskRunner taskRunner(SessionContextView session, TaskRunner local) {
        return transactions.taskRunner(session, local);
    }

    @Override
    public void beforeCommit(SessionContextView session, Transaction local, boolean localWrites) {
        transactions.beforeCommit(session, local, localWrites);
    }

    @Override
    public void afterCommit(SessionContextView session) {
        transactions.afterCommit(session);
    }

    @Override
    public void afterRollback(SessionContextView session) {
        transactions.afterRollback(session);
    }

    @Override
    public void beforePrepare(SessionContextView session) {
        transactions.beforePrepare(session);
    }

    @Override
    public void savepoint(SessionContextView session, String name) {
        transactions.savepoint(session, name);
    }

    @Override
    public void releaseSavepoint(SessionContextView session, String name) {
        transactions.releaseSavepoint(session, name);
    }

    @Override
    public void rollbackToSavepoint(SessionContextView session, String name) {
        transactions.rollbackToSavepoint(session, name);
    }

    @Override
    public int recoverPreparedTransactions() {
        return transactions.recoverPreparedTransactions();
    }

    @Override
    public boolean checkDistributedDeadlocks() {
        return transactions.checkDistributedDeadlocks();
    }
}
