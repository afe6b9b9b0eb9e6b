package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The second seed document's examples through psql, on three separate node processes that form
 * one cluster with {@code citus_add_node} and a shared cluster secret file: pg_dist_node, the
 * pg_dist_shard rows of a 32-shard table, the placement query, and a query of the shard table
 * {@code github_events_102027} on the worker that holds it. The output is compared with
 * {@code cluster/seed002.out} with the ports normalised.
 */
@Timeout(300)
class ClusterSeedIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    @Test
    void seedExamplesOnThreeProcesses() throws Exception {
        assumeTrue(ExternalCommand.available("psql"), "psql is not installed (postgresql-client-15)");
        Path secret = directory.resolve("secret");
        Files.writeString(secret, "a-cluster-secret-for-the-seed-test-" + System.nanoTime() + "\n");
        List<NodeProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(NodeProcess.launch(directory.resolve("node-" + i), "--cluster-secret-file", secret.toString()));
            }
            int[] ports = new int[3];
            for (int i = 0; i < 3; i++) {
                ports[i] = nodes.get(i).awaitReady(START_TIMEOUT);
            }
            // Shards go to workers sorted by name and port: adding the lower port first keeps the output stable.
            java.util.Arrays.sort(ports, 1, 3);
            psqlOk(ports[0], "SELECT citus_set_coordinator_host('127.0.0.1', " + ports[0] + ")");
            psqlOk(ports[0], "SELECT citus_add_node('127.0.0.1', " + ports[1] + ")");
            psqlOk(ports[0], "SELECT citus_add_node('127.0.0.1', " + ports[2] + ")");
            checkSeed(ports);
        } finally {
            for (NodeProcess node : nodes) {
                node.close();
            }
        }
    }

    @Test
    void seedExamplesOnStart() throws Exception {
        assumeTrue(ExternalCommand.available("psql"), "psql is not installed (postgresql-client-15)");
        int base = freePortRun();
        try (NodeProcess cluster = NodeProcess.launchCommand("start", "--port", Integer.toString(base), "--workers", "2",
                "--data", directory.resolve("start").toString())) {
            cluster.awaitLine(java.util.regex.Pattern.compile("worker 2 ready on .*"), START_TIMEOUT);
            checkSeed(new int[] {base, base + 1, base + 2});
        }
    }

    /** A port P such that P, P+1 and P+2 are free now (start takes consecutive ports). */
    static int freePortRun() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20000 + random.nextInt(30000);
            if (free(base) && free(base + 1) && free(base + 2)) {
                return base;
            }
        }
        throw new IOException("no three consecutive free ports found");
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs seed002.sql on the coordinator, compares, then reads the shard table on its worker. */
    static void checkSeed(int[] ports) throws IOException, InterruptedException, URISyntaxException {
        Path scripts = Path.of(ClusterSeedIT.class.getResource("/cluster").toURI());
        ExternalCommand.Result result = psql(scripts, ports[0], List.of("-a", "-f", "seed002.sql"));
        String actual = normalisePorts(result.output(), ports);
        String expected = Files.readString(scripts.resolve("seed002.out"), StandardCharsets.UTF_8);
        if (!actual.equals(expected)) {
            Path actualFile = Path.of("target", "cluster", "seed002.actual");
            Files.createDirectories(actualFile.getParent());
            Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
            throw new AssertionError("psql output of seed002.sql differs (full output in " + actualFile.toAbsolutePath()
                    + "):\n" + UnifiedDiff.diff("seed002.out", expected.lines().toList(), "seed002.actual",
                    actual.lines().toList()));
        }
        int holder = Integer.parseInt(psqlValue(ports[0],
                "SELECT nodeport FROM pg_dist_placement p JOIN pg_dist_node n USING (groupid) WHERE shardid = 102027"));
        String inShard = psqlValue(ports[0],
                "SELECT count(*) FROM github_events WHERE worker_hash(repo_id) BETWEEN 402653184 AND 536870911");
        assertThat(holder).isIn(ports[1], ports[2]);
        assertThat(psqlValue(holder, "SELECT count(*) FROM github_events_102027")).isEqualTo(inShard);
        int other = holder == ports[1] ? ports[2] : ports[1];
        assertThat(psqlValue(other, "SELECT count(*) FROM github_events")).isEqualTo(
                psqlValue(ports[0], "SELECT count(*) FROM github_events"));
        assertThat(psqlValue(other, "SELECT count(*) FROM github_events WHERE repo_id = 42")).isEqualTo("10");
    }

    private static String normalisePorts(String output, int[] ports) {
        String[] names = {"PORT0", "PORT1", "PORT2"};
        String result = output;
        for (int i = 0; i < ports.length; i++) {
            result = result.replaceAll("\\b" + ports[i] + "\\b", names[i]);
        }
        return result;
    }

    private static void psqlOk(int port, String sql) throws IOException, InterruptedException {
        ExternalCommand.Result result = psql(Path.of("."), port, List.of("-v", "ON_ERROR_STOP=1", "-Atc", sql));
        assertThat(result.exitStatus()).as(sql + ":\n" + result.output()).isZero();
    }

    private static String psqlValue(int port, String sql) throws IOException, InterruptedException {
        ExternalCommand.Result result = psql(Path.of("."), port, List.of("-v", "ON_ERROR_STOP=1", "-Atc", sql));
        assertThat(result.exitStatus()).as(sql + ":\n" + result.output()).isZero();
        return result.output().strip();
    }

    private static ExternalCommand.Result psql(Path workingDirectory, int port, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", "postgres", "-d", "postgres"));
        command.addAll(arguments);
        return ExternalCommand.run(workingDirectory, 120, command);
    }
}
