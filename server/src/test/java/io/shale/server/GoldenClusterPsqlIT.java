package io.shale.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every {@code golden-cluster/<name>.sql} through psql against the coordinator of an in-memory LocalCluster
 * (coordinator and two workers) and compares the output with {@code <name>.out}: what PostgreSQL 15 printed for the
 * same script with the Citus functions defined as functions that do nothing (see
 * {@code scripts/golden-cluster-regenerate.sh}), so the distributed answers must be PostgreSQL's own rows.
 */
@Timeout(300)
class GoldenClusterPsqlIT {
    private static LocalCluster cluster;

    @BeforeAll
    static void start() {
        assumeTrue(ExternalCommand.available("psql"), "psql is not installed (postgresql-client-15)");
        cluster = LocalCluster.builder().nodes(3).inMemory().setting("fsync", "off").start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenClusterScripts() throws IOException, URISyntaxException {
        return GoldenPsqlIT.scripts("/golden-cluster", cluster.port(0));
    }
}
