package io.shale.server;

import io.shale.cluster.rpc.ClusterSecret;
import io.shale.common.error.ShaleException;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** What {@link Main} does, minus the process-wide parts: parse, start, report. */
final class NodeRunner {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    /** The result of {@link #launch}: a running node, or the exit status to end with. */
    sealed interface Outcome {
        record Exit(int status) implements Outcome {
        }

        record Running(Node node) implements Outcome {
        }

        record RunningCluster(LocalCluster cluster) implements Outcome {
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final NodeAssembly assembly;

    NodeRunner(PrintStream out, PrintStream err, NodeAssembly assembly) {
        this.out = out;
        this.err = err;
        this.assembly = assembly;
    }

    /** Runs the command; a node command returns once the node listens and "ready" is printed. */
    Outcome launch(List<String> args) {
        return launch(args, Map.of());
    }

    /** {@link #launch(List)} with the process environment (for {@code SHALE_CLUSTER_SECRET}). */
    Outcome launch(List<String> args, Map<String, String> environment) {
        return switch (CommandLine.parse(args, environment)) {
            case Command.Help() -> {
                out.print(CommandLine.USAGE);
                yield new Outcome.Exit(EXIT_OK);
            }
            case Command.Invalid(String message) -> {
                err.println("shale: " + message);
                err.print(CommandLine.USAGE);
                yield new Outcome.Exit(EXIT_USAGE);
            }
            case Command.RunNode(NodeConfig config) -> startNode(config);
            case Command.Start(NodeConfig config, int workers) -> startCluster(config, workers);
        };
    }

    /** The embedded default: a coordinator and {@code workers} workers in this JVM, secret kept in the data folder. */
    private Outcome startCluster(NodeConfig config, int workers) {
        LocalCluster cluster;
        try {
            ClusterSecret secret = config.clusterSecret() != null ? config.clusterSecret()
                    : StartSecret.loadOrCreate(config.dataDirectory());
            cluster = LocalCluster.builder().nodes(workers + 1).dataDirectory(config.dataDirectory())
                    .basePort(config.port()).host(config.host()).secret(secret).settings(config.settings())
                    .template(config).assembly(assembly).start();
        } catch (RuntimeException e) {
            return failed(e);
        }
        out.println("Shale ready on " + config.host() + ":" + cluster.port(0));
        for (int i = 1; i < cluster.size(); i++) {
            out.println("worker " + i + " ready on " + config.host() + ":" + cluster.port(i));
        }
        out.flush();
        return new Outcome.RunningCluster(cluster);
    }

    private Outcome failed(RuntimeException e) {
        err.println("shale: " + (e.getMessage() == null ? "could not start the node" : e.getMessage()));
        if (e instanceof ShaleException shale && shale.detail() != null) {
            err.println("DETAIL:  " + shale.detail());
        }
        if (e instanceof ShaleException shale && shale.hint() != null) {
            err.println("HINT:  " + shale.hint());
        }
        return new Outcome.Exit(EXIT_FAILED);
    }

    private Outcome startNode(NodeConfig config) {
        Node node = new Node(config, assembly);
        try {
            node.start();
        } catch (RuntimeException e) {
            return failed(e);
        }
        out.println("Shale ready on " + config.host() + ":" + node.port());
        out.flush();
        return new Outcome.Running(node);
    }

    /**
     * Blocks until the JVM is asked to stop (SIGTERM, SIGINT), then closes the node and ends the
     * process with status 0, as PostgreSQL does on a fast shutdown.
     */
    void serveUntilShutdown(AutoCloseable node) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                closeQuietly(node);
                out.println("Shale stopped");
                out.flush();
            } finally {
                stopped.countDown();
                Runtime.getRuntime().halt(EXIT_OK);
            }
        }, "shale-shutdown"));
        stopped.await();
    }

    private void closeQuietly(AutoCloseable running) {
        try {
            running.close();
        } catch (Exception e) {
            err.println("shale: " + e.getMessage());
        }
    }
}
