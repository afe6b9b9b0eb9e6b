package io.shale.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every {@code golden/<name>.sql} through psql against one node and compares what psql
 * prints with {@code <name>.out}, which PostgreSQL 15 printed for the same script (see
 * {@code scripts/golden-regenerate.sh}). A mismatch leaves {@code target/golden/<name>.actual}.
 */
@Timeout(300)
class GoldenPsqlIT {
    private static final long SCRIPT_TIMEOUT_SECONDS = 120;
    private static RealNode node;

    @BeforeAll
    static void startNode() {
        assumeTrue(ExternalCommand.available("psql"), "psql is not installed (postgresql-client-15)");
        node = RealNode.start(Map.of());
    }

    @AfterAll
    static void stopNode() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenScripts() throws IOException, URISyntaxException {
        return scripts("/golden", node.port());
    }

    /**
     * One test per {@code <name>.sql} of the resource directory (not {@code oracle-setup.sql}, which only the
     * oracle runs), each run through psql against {@code port}.
     */
    static Stream<DynamicTest> scripts(String resource, int port) throws IOException, URISyntaxException {
        Path directory = Path.of(GoldenPsqlIT.class.getResource(resource).toURI());
        List<Path> scripts;
        try (Stream<Path> files = Files.list(directory)) {
            scripts = files.filter(file -> file.getFileName().toString().endsWith(".sql"))
                    .filter(file -> !file.getFileName().toString().equals("oracle-setup.sql"))
                    .filter(GoldenPsqlIT::selected).sorted().toList();
        }
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(),
                () -> check(directory, script.getFileName().toString().replaceFirst("\\.sql$", ""), port)));
    }

    /** {@code -Dgolden=basics,transactions} runs only those scripts; without it, all run. */
    private static boolean selected(Path script) {
        String only = System.getProperty("golden", "");
        if (only.isBlank()) {
            return true;
        }
        String name = script.getFileName().toString().replaceFirst("\\.sql$", "");
        return List.of(only.split(",")).contains(name);
    }

    private static void check(Path directory, String name, int port) throws IOException, InterruptedException {
        ExternalCommand.Result result = ExternalCommand.run(directory, SCRIPT_TIMEOUT_SECONDS, List.of(
                "psql", "-X", "-a", "-q", "-v", "ON_ERROR_STOP=0", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-d", "postgres", "-f", name + ".sql"));
        List<String> expected = normalise(Files.readString(directory.resolve(name + ".out"), StandardCharsets.UTF_8));
        List<String> actual = normalise(result.output());
        String diff = UnifiedDiff.diff(name + ".out", expected, name + ".actual", actual);
        if (!diff.isEmpty()) {
            Path actualFile = Path.of("target", "golden", name + ".actual");
            Files.createDirectories(actualFile.getParent());
            Files.writeString(actualFile, result.output(), StandardCharsets.UTF_8);
            throw new AssertionError("psql output of " + name + ".sql differs from " + name + ".out (psql exit status "
                    + result.exitStatus() + "; full output in " + actualFile.toAbsolutePath() + "):\n" + diff);
        }
    }

    /** Lines without trailing whitespace, and without trailing empty lines. */
    private static List<String> normalise(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }
}
