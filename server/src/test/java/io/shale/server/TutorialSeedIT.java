package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The first seed document, the microservices tutorial, through psql on {@code ./shale start}
 * (a coordinator and two workers in one process) with SCRAM-SHA-256 for the services' roles:
 * {@code tutorial/seed000.sql}, compared with {@code tutorial/seed000.out}. Before comparing, node
 * names and ports become the seed's ({@code localhost}, 9700 for the coordinator, 9701 and 9702 for
 * the workers), sizes become {@code SIZE} (and so does the rebalancer's improvement ratio, made of sizes: {@code
 * RATIO}), cells lose their padding, and the rows of a result whose
 * query has no ORDER BY are sorted. From the end of the services' own writes to the end, a pgjdbc client
 * ({@link TutorialWriter}) keeps writing to the three services' schemas; none of its writes may fail, and every
 * acknowledged row must be there at the end.
 */
@Timeout(300)
class TutorialSeedIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern SIZE = Pattern.compile("\\b\\d+ (bytes|kB|MB|GB)\\b");
    private static final Pattern IMPROVEMENT = Pattern.compile("(The balance improvement of )[0-9.e+-]+");

    @TempDir
    Path directory;

    @Test
    void tutorialRunsThroughPsql() throws Exception {
        assumeTrue(ExternalCommand.available("psql"), "psql is not installed (postgresql-client-15)");
        Path data = directory.resolve("start");
        Files.createDirectories(data);
        Files.writeString(data.resolve(PgWireAssembly.HBA_FILE), """
                host  all  postgres  127.0.0.1/32  trust
                host  all  all       127.0.0.1/32  scram-sha-256
                """);
        int base = ClusterSeedIT.freePortRun();
        try (NodeProcess cluster = NodeProcess.launchCommand("start", "--port", Integer.toString(base), "--workers", "2",
                "--data", data.toString())) {
            cluster.awaitLine(Pattern.compile("worker 2 ready on .*"), START_TIMEOUT);
            Path scripts = Path.of(TutorialSeedIT.class.getResource("/tutorial").toURI());
            List<String> command = new ArrayList<>(List.of("psql", "-X", "-a", "-h", "127.0.0.1", "-p",
                    Integer.toString(base), "-U", "postgres", "-d", "postgres", "-f", "seed000.sql"));
            TutorialWriter writer = new TutorialWriter("jdbc:postgresql://127.0.0.1:" + base + "/citus?user=postgres");
            Thread writing = Thread.ofPlatform().name("tutorial-writer").start(writer);
            ExternalCommand.Result result;
            try {
                result = ExternalCommand.run(scripts, 240, command, Map.of("PGPASSWORD", "tutorial-secret"));
            } finally {
                writer.stop();
                writing.join(Duration.ofSeconds(60));
            }
            writer.check();
            System.out.println("tutorial writer: rows acknowledged (users/query_details/ping_results) "
                    + writer.summary());
            String actual = result.output().replace("127.0.0.1", "localhost")
                    .replaceAll("\\b" + base + "\\b", "9700")
                    .replaceAll("\\b" + (base + 1) + "\\b", "9701")
                    .replaceAll("\\b" + (base + 2) + "\\b", "9702");
            String expected = Files.readString(scripts.resolve("seed000.out"), StandardCharsets.UTF_8);
            if (!normalise(actual).equals(normalise(expected))) {
                Path actualFile = Path.of("target", "tutorial", "seed000.actual");
                Files.createDirectories(actualFile.getParent());
                Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
                throw new AssertionError("psql output of seed000.sql differs (full output in "
                        + actualFile.toAbsolutePath() + "):\n" + UnifiedDiff.diff("seed000.out",
                        normalise(expected), "seed000.actual", normalise(actual)));
            }
        }
    }

    /** The output with sizes, padding and the order of unordered result rows taken out. */
    static List<String> normalise(String output) {
        List<String> lines = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        List<String> rows = null;
        boolean ordered = false;
        for (String raw : output.lines().toList()) {
            String line = IMPROVEMENT.matcher(SIZE.matcher(raw).replaceAll("SIZE")).replaceAll("$1RATIO");
            if (rows != null) {
                if (line.matches("\\(\\d+ rows?\\)")) {
                    if (!ordered) {
                        rows.sort(null);
                    }
                    lines.addAll(rows);
                    lines.add(line);
                    rows = null;
                    statement.setLength(0);
                } else {
                    rows.add(cells(line));
                }
                continue;
            }
            if (line.matches("-+(\\+-+)*")) {
                lines.add("---");
                rows = new ArrayList<>();
                ordered = statement.toString().toLowerCase(Locale.ROOT).contains("order by");
                continue;
            }
            statement.append(line).append('\n');
            lines.add(line.contains("|") ? cells(line) : line.strip());
        }
        if (rows != null) {
            lines.addAll(rows);
        }
        return lines;
    }

    private static String cells(String line) {
        String[] parts = line.split("\\|", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i == 0 ? "" : " | ").append(parts[i].strip());
        }
        return out.toString();
    }
}
