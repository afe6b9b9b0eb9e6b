package io.shale.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A complete node (real store, engine and protocol server) on a free port and a fresh directory, for end-to-end tests. */
final class RealNode implements AutoCloseable {
    private final Path data;
    private final Node node;

    private RealNode(Path data, Node node) {
        this.data = data;
        this.node = node;
    }

    static RealNode start(Map<String, String> settings) {
        try {
            Path data = Files.createTempDirectory("shale-it-");
            Node node = new Node(NodeConfig.defaults(data).withPort(0).withSettings(settings), new PgWireAssembly());
            node.start();
            return new RealNode(data, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return node.port();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres?user=postgres";
    }

    @Override
    public void close() throws IOException {
        node.close();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
