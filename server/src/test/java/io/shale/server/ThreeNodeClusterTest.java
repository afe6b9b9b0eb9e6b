package io.shale.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the test classes that share one in-memory cluster of a coordinator and two workers,
 * started before the class's first test and closed after its last (test classes run one at a time).
 */
abstract class ThreeNodeClusterTest {
    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.builder().nodes(3).inMemory().setting("fsync", "off").start();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }
}
