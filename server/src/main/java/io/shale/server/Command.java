package io.shale.server;

/** What the command line asks for. */
sealed interface Command {

    /** {@code help}: print the usage. */
    record Help() implements Command {
    }

    /** {@code node}: run one node in the foreground. */
    record RunNode(NodeConfig config) implements Command {
    }

    /**
     * {@code start}: run the embedded default installation in the foreground, a coordinator and
     * {@code workers} workers; {@code config} is the coordinator's (data folder: the root).
     */
    record Start(NodeConfig config, int workers) implements Command {
    }

    /** A command line that could not be understood; {@code message} says why. */
    record Invalid(String message) implements Command {
    }
}
