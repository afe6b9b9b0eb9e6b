package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code Main start --port 0 --workers 2} in a child JVM: three nodes, workers added, psql sees pg_dist_node. */
@Timeout(120)
class StartCommandIT {
    private static final Pattern READY = Pattern.compile("Shale ready on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern WORKER = Pattern.compile("worker (\\d) ready on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path data;

    @Test
    void startRunsACoordinatorAndTwoWorkers() throws Exception {
        assumeTrue(ExternalCommand.available("psql"), "psql is not installed (postgresql-client-15)");
        try (NodeProcess cluster = NodeProcess.launchCommand("start", "--port", "0", "--workers", "2",
                "--data", data.toString(), "--in-memory")) {
            Matcher ready = READY.matcher(cluster.awaitLine(READY, Duration.ofSeconds(90)));
            assertThat(ready.matches()).isTrue();
            int coordinator = Integer.parseInt(ready.group(1));
            Matcher first = WORKER.matcher(cluster.awaitLine(WORKER, Duration.ofSeconds(10)));
            Matcher second = WORKER.matcher(cluster.awaitLine(WORKER, Duration.ofSeconds(10)));
            assertThat(first.matches() && second.matches()).isTrue();
            ExternalCommand.Result psql = ExternalCommand.run(data, 30, List.of("psql", "-X", "-h", "127.0.0.1",
                    "-p", Integer.toString(coordinator), "-U", "postgres", "-d", "postgres", "-c",
                    "select nodeid, nodename, nodeport from pg_dist_node"));
            assertThat(psql.output()).contains(
                    "      1 | 127.0.0.1 | " + String.format("%8d", coordinator),
                    "      2 | 127.0.0.1 | " + String.format("%8s", first.group(2)),
                    "      3 | 127.0.0.1 | " + String.format("%8s", second.group(2)),
                    "(3 rows)");
            assertThat(Files.exists(data.resolve(StartSecret.FILE))).isTrue();
            assertThat(Files.isDirectory(data.resolve("node-2"))).isTrue();
            cluster.stop();
            assertThat(cluster.awaitExit(Duration.ofSeconds(30))).isZero();
        }
    }
}
