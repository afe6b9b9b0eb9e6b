package io.shale.server;


import java.util.List;

/** The {@code shale.jar} entry point: {@code node}, {@code start} and {@code help}. */
public final class Main {
    private static final String CONSOLE_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";
    private static final String CARRIER_THREADS_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(CONSOLE_FORMAT_PROPERTY) == null) {
            System.setProperty(CONSOLE_FORMAT_PROPERTY, "%1$tF %1$tT.%1$tL %1$tZ %4$s %3$s: %5$s%6$s%n");
        }
        if (System.getProperty(CARRIER_THREADS_PROPERTY) == null) {
            System.setProperty(CARRIER_THREADS_PROPERTY, Integer.toString(carrierThreads()));
        }
        NodeRunner runner = new NodeRunner(System.out, System.err, new PgWireAssembly());
        switch (runner.launch(List.of(args), System.getenv())) {
            case NodeRunner.Outcome.Exit(int status) -> System.exit(status);
            case NodeRunner.Outcome.Running(Node node) -> runner.serveUntilShutdown(node);
            case NodeRunner.Outcome.RunningCluster(LocalCluster cluster) -> runner.serveUntilShutdown(cluster);
        }
    }

    /**
     * Carrier threads of the sessions' virtual threads: the cores the wire's event loops leave
     * free, so that the two never compete for a core. A session yields its carrier while it waits
     * and every few thousand rows of a scan. pgbench -S on 2 cores: 8,200 TPS with two carriers,
     * 13,600 with one (fewer wake-ups: a busy carrier picks up the next ready session itself).
     */
    private static int carrierThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, cores - PgWireAssembly.eventLoopThreads());
    }
}
