package io.shale.server;

import io.shale.common.error.ShaleException;

import java.io.PrintStream;
import java.util.List;
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
        return switch (CommandLine.parse(args)) {
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
            case Command.Start(NodeConfig config) -> startNode(config);
        };
    }

    private Outcome startNode(NodeConfig config) {
        Node node = new Node(config, assembly);
        try {
            node.start();
        } catch (RuntimeException e) {
            err.println("shale: " + (e.getMessage() == null ? "could not start the node" : e.getMessage()));
            if (e instanceof ShaleException shale && shale.detail() != null) {
                err.println("DETAIL:  " + shale.detail());
            }
            if (e instanceof ShaleException shale && shale.hint() != null) {
                err.println("HINT:  " + shale.hint());
            }
            return new Outcome.Exit(EXIT_FAILED);
        }
        out.println("Shale ready on " + config.host() + ":" + node.port());
        out.flush();
        return new Outcome.Running(node);
    }

    /**
     * Blocks until the JVM is asked to stop (SIGTERM, SIGINT), then closes the node and ends the
     * process with status 0, as PostgreSQL does on a fast shutdown.
     */
    void serveUntilShutdown(Node node) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                out.println("Shale stopped");
                out.flush();
            } finally {
                stopped.countDown();
                Runtime.getRuntime().halt(EXIT_OK);
            }
        }, "shale-shutdown"));
        stopped.await();
    }
}
