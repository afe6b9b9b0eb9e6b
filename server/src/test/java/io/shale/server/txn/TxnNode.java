package io.shale.server.txn;

import io.shale.cluster.rpc.ClusterSecret;
import io.shale.cluster.rpc.NetworkPartitions;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.cluster.rpc.RpcClient;
import io.shale.cluster.rpc.RpcConfig;
import io.shale.cluster.rpc.RpcServer;
import io.shale.engine.Engine;
import io.shale.engine.EngineConfig;
import io.shale.engine.distributed.DistributedTransactions;
import io.shale.engine.distributed.InternalRpc;
import io.shale.engine.distributed.NodeDirectory;
import io.shale.engine.distributed.TransactionConfig;
import io.shale.storage.KeyValueStore;
import io.shale.wire.PgServer;
import io.shale.wire.WireConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A node wired by hand for the transaction tests: an engine over a given store, its PostgreSQL port carrying the
 * internal RPC, and distributed transactions with a fixed map of groups to nodes. Every node runs its own DDL (the
 * hooks forward only the transaction methods, as a node that also syncs metadata does).
 */
final class TxnNode implements AutoCloseable {
    final int group;
    final KeyValueStore store;
    final Engine engine;
    final PgServer pg;
    final NodeAddress address;
    final RpcServer server;
    final RpcClient client;
    final DistributedTransactions transactions;

    TxnNode(int group, KeyValueStore store, Map<Integer, NodeAddress> groups, ClusterSecret secret,
            NetworkPartitions partitions, TransactionConfig config, int port) {
        this.group = group;
        this.store = store;
        this.engine = new Engine(EngineConfig.defaults(), store);
        AtomicReference<RpcServer> rpc = new AtomicReference<>();
        this.pg = new PgServer(WireConfig.defaults(port).withInternalAcceptor((channel, pipeline) -> rpc.get().accept(channel, pipeline)),
                engine);
        this.address = new NodeAddress("127.0.0.1", pg.start());
        RpcConfig rpcConfig = RpcConfig.defaults(address, secret)
                .withBackoff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200));
        this.server = new RpcServer(rpcConfig, partitions);
        rpc.set(server);
        this.client = new RpcClient(rpcConfig, partitions);
        groups.put(group, address);
        NodeDirectory directory = new NodeDirectory() {
            @Override
            public int localGroup() {
                return group;
            }

            @Override
            public NodeAddress addressOf(int g) {
                return groups.get(g);
            }

            @Override
            public List<Integer> groups() {
                return new ArrayList<>(groups.keySet());
            }
        };
        this.transactions = new DistributedTransactions(engine, address, InternalRpc.direct(() -> server, () -> client),
                directory, config);
        transactions.register();
        engine.setCluster(new io.shale.engine.distributed.ClusterHooks() {
            @Override
            public int localGroupId() {
                return group;
            }

            @Override
            public io.shale.engine.distributed.TaskRunner taskRunner(io.shale.engine.distributed.SessionContextView session,
                                                                     io.shale.engine.distributed.TaskRunner local) {
                return transactions.taskRunner(session, local);
            }

            @Override
            public void beforeCommit(io.shale.engine.distributed.SessionContextView session,
                                     io.shale.storage.Transaction local, boolean localWrites) {
                transactions.beforeCommit(session, local, localWrites);
            }

            @Override
            public void afterCommit(io.shale.engine.distributed.SessionContextView session) {
                transactions.afterCommit(session);
            }

            @Override
            public void afterRollback(io.shale.engine.distributed.SessionContextView session) {
                transactions.afterRollback(session);
            }

            @Override
            public void beforePrepare(io.shale.engine.distributed.SessionContextView session) {
                transactions.beforePrepare(session);
            }

            @Override
            public void savepoint(io.shale.engine.distributed.SessionContextView session, String name) {
                transactions.savepoint(session, name);
            }

            @Override
            public void releaseSavepoint(io.shale.engine.distributed.SessionContextView session, String name) {
                transactions.releaseSavepoint(session, name);
            }

            @Override
            public void rollbackToSavepoint(io.shale.engine.distributed.SessionContextView session, String name) {
                transactions.rollbackToSavepoint(session, name);
            }
        });
    }

    @Override
    public void close() {
        transactions.close();
        client.close();
        server.close();
        pg.close();
        engine.close();
    }
}
