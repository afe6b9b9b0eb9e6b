package io.shale.server;

import io.shale.cluster.rpc.ClusterSecret;
import io.shale.cluster.rpc.NetworkPartitions;
import io.shale.cluster.rpc.NodeAddress;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Shale cluster in this JVM, for tests and for {@code ./shale start}: node 0 is the coordinator,
 * the others are workers it added with {@code citus_add_node}. Nodes share nothing but the JVM (and
 * the fault injection of {@link #cut}); each has its own data directory, store, engine and port.
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.builder().nodes(3).inMemory().start()) {
 *     try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0))) { ... }
 * }
 * }</pre>
 *
 * Thread-safe: every method is serialised.
 */
public final class LocalCluster implements AutoCloseable {
    private final Builder options;
    private final NetworkPartitions partitions = new NetworkPartitions();
    private final ClusterSecret secret;
    private final Path root;
    private final boolean temporaryRoot;
    private final List<NodeConfig> configs = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private boolean closed;

    private LocalCluster(Builder options, Path root, boolean temporaryRoot) {
        this.options = options;
        this.root = root;
        this.temporaryRoot = temporaryRoot;
        this.secret = options.secret != null ? options.secret : ClusterSecret.generate();
    }

    /** A builder for three in-process nodes on free ports with temporary data folders. */
    public static Builder builder() {
        return new Builder();
    }

    /** How the cluster is made; {@link #start()} starts it. */
    public static final class Builder {
        private int nodes = 3;
        private boolean inMemory;
        private Path dataDirectory;
        private int basePort;
        private String host = NodeConfig.DEFAULT_HOST;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private ClusterSecret secret;
        private NodeAssembly assembly = new PgWireAssembly();
        private NodeConfig template;

        private Builder() {
        }

        /** Number of nodes, the coordinator included (at least 1; default 3). */
        public Builder nodes(int count) {
            if (count < 1) {
                throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "a cluster needs at least one node");
            }
            this.nodes = count;
            return this;
        }

        /** Stores keep their files in memory: fast, and nothing survives a stop or kill. */
        public Builder inMemory() {
            this.inMemory = true;
            return this;
        }

        /** Data folders {@code <directory>/node-<i>} (default: a temporary folder deleted by close). */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** Node {@code i} listens on {@code port + i}; 0 (the default) picks free ports. */
        public Builder basePort(int port) {
            this.basePort = port;
            return this;
        }

        /** The address the nodes listen on and name each other by (default 127.0.0.1). */
        public Builder host(String address) {
            this.host = address;
            return this;
        }

        /** A setting (GUC) of every node. */
        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        /** Settings (GUCs) of every node. */
        public Builder settings(Map<String, String> values) {
            settings.putAll(values);
            return this;
        }

        /** The cluster secret (default: a generated one). */
        public Builder secret(ClusterSecret clusterSecret) {
            this.secret = clusterSecret;
            return this;
        }

        /** Every node serves TLS with this PEM certificate chain and key; internal traffic then uses TLS too. */
        public Builder tls(Path certificate, Path privateKey) {
            NodeConfig base = template == null ? NodeConfig.defaults(Path.of(".")) : template;
            this.template = new NodeConfig(base.host(), base.port(), base.dataDirectory(), base.settings(), certificate,
                    privateKey, base.authMethod(), base.clusterSecret());
            return this;
        }

        /** TLS and authentication of every node as in {@code config} ({@code ./shale start}). */
        Builder template(NodeConfig config) {
            this.template = config;
            return this;
        }

        Builder assembly(NodeAssembly nodeAssembly) {
            this.assembly = nodeAssembly;
            return this;
        }

        /** Starts the nodes, coordinator first, and adds the workers; on failure stops what started. */
        public LocalCluster start() {
            Path root = dataDirectory;
            boolean temporary = root == null;
            if (temporary) {
                try {
                    root = Files.createTempDirectory("shale-cluster-");
                } catch (IOException e) {
                    throw IoErrors.ioError("could not create a temporary data directory", e);
                }
            }
            LocalCluster cluster = new LocalCluster(this, root, temporary);
            try {
                for (int i = 0; i < nodes; i++) {
                    cluster.startNode(i);
                }
                cluster.updateMovedWorkers();
                cluster.setCoordinatorHost();
                for (int i = 1; i < nodes; i++) {
                    cluster.join(i);
                }
                return cluster;
            } catch (RuntimeException e) {
                try {
                    cluster.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    /**
     * Every node runs before the coordinator changes its catalog: after a restart on the same data,
     * the workers it already knows must be up to receive the change.
     */
    private void setCoordinatorHost() {
        LocalSql.run(node(0).engine(), "SELECT citus_set_coordinator_host(" + literal(options.host) + ", "
                + port(0) + ")");
    }

    /**
     * Restarted on its data with other ports (e.g. {@code --port 0} again), the workers the
     * coordinator knows are repointed ({@code citus_update_node}) in one statement, so that one
     * catalog change reaches every worker at its new address. A worker is known by its group.
     */
    private void updateMovedWorkers() {
        io.shale.catalog.Catalog catalog = node(0).engine().catalog();
        StringBuilder calls = new StringBuilder();
        for (int i = 1; i < nodes.size(); i++) {
            int group = node(i).catalogSync().membership().groupId();
            io.shale.catalog.distribution.ClusterNode known = group == 0 ? null : catalog.nodeOfGroup(group);
            if (known != null && (!known.nodeName().equals(options.host) || known.nodePort() != port(i))) {
                calls.append(calls.isEmpty() ? "SELECT " : ", ").append("citus_update_node(").append(known.nodeId())
                        .append(", ").append(literal(options.host)).append(", ").append(port(i)).append(")");
            }
        }
        if (!calls.isEmpty()) {
            LocalSql.run(node(0).engine(), calls.toString());
        }
    }

    private void join(int index) {
        LocalSql.run(node(0).engine(), "SELECT citus_add_node(" + literal(options.host) + ", " + port(index) + ")");
    }

    /** The cluster secret (to start more nodes of this cluster elsewhere). */
    public ClusterSecret secret() {
        return secret;
    }

    /** Number of nodes, stopped ones included. */
    public synchronized int size() {
        return nodes.size();
    }

    /** Node {@code i}; 55000 when it is stopped. */
    public synchronized Node node(int i) {
        Node node = nodes.get(checkIndex(i));
        if (node == null) {
            throw new ShaleException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "node " + i + " is not running");
        }
        return node;
    }

    /** The port node {@code i} listens on (kept across stop and restart). */
    public synchronized int port(int i) {
        return configs.get(checkIndex(i)).port();
    }

    /** The folder of node {@code i}'s data. */
    public synchronized Path dataDirectory(int i) {
        return configs.get(checkIndex(i)).dataDirectory();
    }

    /** A pgjdbc URL of node {@code i}, database postgres, user postgres. */
    public synchronized String jdbcUrl(int i) {
        return "jdbc:postgresql://" + options.host + ":" + port(i) + "/postgres?user=postgres";
    }

    /** Starts one more node and adds it on the coordinator ({@code citus_add_node}); returns its index. */
    public synchronized int addNode() {
        int index = nodes.size();
        startNode(index);
        join(index);
        return index;
    }

    /** Stops node {@code i} cleanly; {@link #restart} starts it again. */
    public synchronized void stop(int i) {
        Node node = nodes.get(checkIndex(i));
        if (node != null) {
            nodes.set(i, null);
            node.close();
        }
    }

    /** Drops node {@code i} as a crash would: no clean shutdown, a disk store's files stay as they are. */
    public synchronized void kill(int i) {
        Node node = nodes.get(checkIndex(i));
        if (node != null) {
            nodes.set(i, null);
            node.kill();
        }
    }

    /** Starts a stopped or killed node {@code i} again, same port and data (stops it first if running). */
    public synchronized void restart(int i) {
        stop(i);
        Node node = new Node(configs.get(i), options.assembly, partitions);
        node.start();
        nodes.set(i, node);
    }

    /** Cuts the internal traffic between nodes {@code i} and {@code j} (client connections still work). */
    public synchronized void cut(int i, int j) {
        partitions.cut(address(i), address(j));
    }

    /** Heals a {@link #cut}. */
    public synchronized void heal(int i, int j) {
        partitions.heal(address(i), address(j));
    }

    private NodeAddress address(int i) {
        return new NodeAddress(options.host, port(i));
    }

    private Node startNode(int index) {
        int port = options.basePort == 0 ? 0 : options.basePort + index;
        Map<String, String> settings = new LinkedHashMap<>(options.settings);
        if (options.inMemory) {
            settings.put(StoreSettings.IN_MEMORY, "on");
        }
        settings.putIfAbsent(StoreSettings.STORE_MEMORY, Math.max(4L << 20,
                Runtime.getRuntime().maxMemory() / 4 / Math.max(options.nodes, index + 1)) + "B");
        NodeConfig t = options.template;
        shareHbaFile(root.resolve("node-" + index));
        NodeConfig config = new NodeConfig(options.host, port, root.resolve("node-" + index), settings,
                t == null ? null : t.tlsCertificate(), t == null ? null : t.tlsKey(),
                t == null ? AuthMethod.TRUST : t.authMethod(), secret);
        Node node = new Node(config, options.assembly, partitions);
        node.start();
        configs.add(config.withPort(node.port()));
        nodes.add(node);
        return node;
    }

    /** A {@code pg_hba.conf} in the cluster's folder is every node's: copied into the node's folder at each start. */
    private void shareHbaFile(Path nodeDirectory) {
        Path shared = root.resolve(HbaFile.NAME);
        Path own = nodeDirectory.resolve(HbaFile.NAME);
        if (Files.isRegularFile(shared)) {
            try {
                Files.createDirectories(nodeDirectory);
                Files.copy(shared, own, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("could not copy " + shared + " to " + own, e);
            }
        }
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= configs.size()) {
            throw new ShaleException(ErrorCode.INVALID_PARAMETER_VALUE, "no node " + i + " in a cluster of " + configs.size());
        }
        return i;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Stops every node, workers first; deletes the data folders when they were temporary. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                stop(i);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (temporaryRoot) {
            deleteTree(root);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw IoErrors.ioError("could not remove directory \"" + directory + "\"", e);
        }
    }
}
