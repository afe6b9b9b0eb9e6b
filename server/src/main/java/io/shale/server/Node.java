package io.shale.server;

import io.shale.cluster.node.CatalogSync;
import io.shale.cluster.node.ClusterCalls;
import io.shale.cluster.node.ClusterEndpoint;
import io.shale.cluster.node.Membership;
import io.shale.cluster.rpc.NetworkPartitions;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import io.shale.engine.Engine;
import io.shale.engine.EngineConfig;
import io.shale.storage.KeyValueStore;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;

/**
 * One Shale node: its data directory, log, store, engine, internal RPC (on the PostgreSQL port, see
 * cluster/README.md) and PostgreSQL endpoint. The constructor
 * does no I/O; {@link #start()} starts the parts in dependency order and {@link #close()} stops
 * them in reverse. Several nodes may run in one JVM, each on its own data directory.
 *
 * <p>Thread-safe: start and close are serialised.
 */
public final class Node implements AutoCloseable {
    private enum State { NEW, RUNNING, CLOSED }

    /** Deadline of one metadata-sync call. */
    private static final Duration SYNC_DEADLINE = Duration.ofSeconds(30);

    private final NodeConfig config;
    private final NodeAssembly assembly;
    private final NetworkPartitions partitions;
    private State state = State.NEW;
    private DataDirectory data;
    private NodeLog log;
    private KeyValueStore store;
    private Engine engine;
    private ClientListener listener;
    private ClusterEndpoint endpoint;
    private CatalogSync sync;
    private io.shale.engine.distributed.DistributedTransactions transactions;
    private Map<String, String> settings = Map.of();
    private int port;

    /** A node of its own: no other node of this JVM shares its fault injection. */
    public Node(NodeConfig config, NodeAssembly assembly) {
        this(config, assembly, new NetworkPartitions());
    }

    /** A node whose internal traffic follows {@code partitions} (shared by the nodes of a LocalCluster). */
    public Node(NodeConfig config, NodeAssembly assembly, NetworkPartitions partitions) {
        this.config = config;
        this.assembly = assembly;
        this.partitions = partitions;
    }

    /**
     * Validates the configuration, locks (and on first use creates) the data directory, reads
     * {@code shale.conf}, opens the log and starts store, engine and endpoint. On failure whatever
     * was started is stopped again and the exception is rethrown.
     *
     * @throws ShaleException 55006 when another node holds the data directory, F0000 for a bad
     *     {@code shale.conf}, 22023 for a bad configuration, 58030 for I/O errors
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "node has already been " + (state == State.RUNNING ? "started" : "closed"));
        }
        config.validate();
        state = State.RUNNING;
        try {
            data = DataDirectory.open(config.dataDirectory());
            settings = merge(ConfigFileParser.parseIfExists(data.configFile()), config.settings());
            log = NodeLog.open(data.root(), data.logDirectory());
            log.logger().info(() -> "starting node in data directory \"" + data.root() + "\"");
            store = assembly.store(config, settings);
            engine = new Engine(new EngineConfig(settings), store);
            endpoint = new ClusterEndpoint(config.clusterSecret(), config.tlsEnabled(), null, partitions);
            Membership membership = MembershipFile.load(data.root());
            sync = new CatalogSync(endpoint, engine.replica(), membership, engine::executeForwarded, SYNC_DEADLINE,
                    SyncSettings.stagedCatalogTimeout(settings));
            listener = assembly.listener(config, settings, engine, endpoint);
            port = listener.start();
            NodeAddress self = new NodeAddress(config.host(), port);
            endpoint.start(self);
            CatalogSync nodeSync = sync;
            NodeInternalRpc internalRpc = new NodeInternalRpc(sync.calls(), endpoint, engine);
            io.shale.engine.distributed.NodeDirectory directory =
                    io.shale.engine.distributed.NodeDirectory.ofCatalog(engine, () -> nodeSync.membership().groupId());
            transactions = new io.shale.engine.distributed.DistributedTransactions(engine, self, internalRpc, directory,
                    io.shale.engine.distributed.TransactionConfig.fromSettings(settings));
            transactions.register();
            io.shale.engine.citus.ShardSizeService shardSizes =
                    new io.shale.engine.citus.ShardSizeService(engine, internalRpc, directory);
            shardSizes.register();
            io.shale.engine.citus.TenantStatsService tenantStats =
                    new io.shale.engine.citus.TenantStatsService(engine.tenantStats(), internalRpc, directory);
            tenantStats.register();
            io.shale.engine.citus.ShardTransferService shardTransfer = new io.shale.engine.citus.ShardTransferService(
                    engine, internalRpc, directory, () -> nodeSync.membership().groupId());
            shardTransfer.register();
            engine.setCluster(new NodeClusterHooks(sync, self, transactions, shardSizes, tenantStats, shardTransfer));
            catchUp(membership);
            transactions.start();
            engine.startBackgroundJobs();
            log.logger().info(() -> "listening on " + config.host() + ":" + port);
        } catch (RuntimeException e) {
            if (log != null) {
                logStartFailure(e);
            }
            stopParts(e);
            throw e;
        }
    }

    /** A worker pulls the coordinator's catalog at start; an unreachable coordinator is only logged. */
    private void catchUp(Membership membership) {
        NodeAddress coordinator = membership.coordinator();
        if (coordinator == null || !endpoint.hasSecret()) {
            return;
        }
        try {
            sync.pullFrom(coordinator);
        } catch (ShaleException e) {
            log.logger().warning(() -> "could not pull the catalog from the coordinator: " + e.getMessage());
        }
    }

    /**
     * A ShaleException is an expected failure (bad setting, corrupt log, directory in use): its
     * message, detail and hint are logged without a stack trace; anything else is a bug and keeps it.
     */
    private void logStartFailure(RuntimeException e) {
        if (e instanceof ShaleException shale) {
            StringBuilder text = new StringBuilder("could not start node: ").append(shale.getMessage());
            if (shale.detail() != null) {
                text.append("\nDETAIL:  ").append(shale.detail());
            }
            if (shale.hint() != null) {
                text.append("\nHINT:  ").append(shale.hint());
            }
            log.logger().severe(text.toString());
        } else {
            log.logger().log(Level.SEVERE, "could not start node: " + e.getMessage(), e);
        }
    }

    /** The port clients connect to; known once started. */
    public synchronized int port() {
        if (state != State.RUNNING) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "node is not running");
        }
        return port;
    }

    /** Internal calls that carry this node's catalog version (for the cluster's RPC users). */
    public synchronized ClusterCalls clusterCalls() {
        requireRunning();
        return sync.calls();
    }

    /** This node's metadata sync (fault tests inject faults into its two phases). */
    public synchronized CatalogSync catalogSync() {
        requireRunning();
        return sync;
    }

    /** This node's internal RPC endpoint (register more methods on it). */
    public synchronized ClusterEndpoint clusterEndpoint() {
        requireRunning();
        return endpoint;
    }

    /** The node's SQL engine. */
    public synchronized Engine engine() {
        requireRunning();
        return engine;
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "node is not running");
        }
    }

    public NodeConfig config() {
        return config;
    }

    /** The node's settings: {@code shale.conf} overridden by the configuration's settings. */
    public synchronized Map<String, String> settings() {
        return settings;
    }

    /** Stops endpoint, engine, store, log and releases the data directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        if (log != null) {
            log.logger().info("stopping node");
        }
        RuntimeException failure = stopParts(null);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Stops the node as a crash would (for fault tests): connections and internal RPC end, but the
     * engine saves nothing and the store is halted without a clean close, so its files stay as a
     * killed process leaves them. Idempotent with {@link #close()}.
     */
    public synchronized void kill() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (engine != null) {
            engine.backgroundJobs().close();
        }
        stop(transactions, null);
        stop(sync, null);
        stop(endpoint, null);
        stop(listener, null);
        if (store != null) {
            assembly.crash(store);
        }
        stop(log, null);
        stop(data, null);
        forgetParts();
    }

    /** Stops every started part in reverse order; returns the first failure with the others suppressed. */
    private RuntimeException stopParts(RuntimeException cause) {
        state = State.CLOSED;
        RuntimeException failure = cause;
        failure = stop(transactions, failure);
        failure = stop(sync, failure);
        failure = stop(endpoint, failure);
        failure = stop(listener, failure);
        failure = stop(engine, failure);
        failure = stop(store, failure);
        failure = stop(log, failure);
        failure = stop(data, failure);
        forgetParts();
        return failure == cause ? null : failure;
    }

    private void forgetParts() {
        listener = null;
        transactions = null;
        endpoint = null;
        sync = null;
        engine = null;
        store = null;
        log = null;
        data = null;
    }

    private static RuntimeException stop(AutoCloseable part, RuntimeException failure) {
        if (part == null) {
            return failure;
        }
        try {
            part.close();
            return failure;
        } catch (Exception e) {
            RuntimeException wrapped = e instanceof RuntimeException runtime ? runtime
                    : new ShaleException(ErrorCode.INTERNAL_ERROR, "could not stop node: " + e.getMessage(), e);
            if (failure == null) {
                return wrapped;
            }
            failure.addSuppressed(wrapped);
            return failure;
        }
    }

    private static Map<String, String> merge(Map<String, String> fromFile, Map<String, String> fromFlags) {
        Map<String, String> merged = new LinkedHashMap<>(fromFile);
        merged.putAll(fromFlags);
        return Map.copyOf(merged);
    }
}
