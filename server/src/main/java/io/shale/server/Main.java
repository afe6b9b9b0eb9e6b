package io.shale.server;

import java.util.List;

/** The {@code shale.jar} entry point: {@code node}, {@code start} and {@code help}. */
public final class Main {
    private static final String CONSOLE_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(CONSOLE_FORMAT_PROPERTY) == null) {
            System.setProperty(CONSOLE_FORMAT_PROPERTY, "%1$tF %1$tT.%1$tL %1$tZ %4$s %3$s: %5$s%6$s%n");
        }
        NodeRunner runner = new NodeRunner(System.out, System.err, new PgWireAssembly());
        switch (runner.launch(List.of(args))) {
            case NodeRunner.Outcome.Exit(int status) -> System.exit(status);
            case NodeRunner.Outcome.Running(Node node) -> runner.serveUntilShutdown(node);
        }
    }
}
