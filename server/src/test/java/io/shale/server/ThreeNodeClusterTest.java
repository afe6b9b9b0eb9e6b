package io.shale.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Base of the test classes that share one in-memory cluster of a coordinator and two workers,
 * started before the class's first test and closed after its last (test classes run one at a time).
 */
public abstract class ThreeNodeClusterTest {
    protected static LocalCluster cluster;

    @BeforeAll
    protected static void startCluster() {
        cluster = LocalCluster.builder().nodes(3).inMemory().setting("fsync", "off").start();
    }

    @AfterAll
    protected static void stopCluster() {
        cluster.close();
    }

    /** The first column of the first row of {@code sql}, as a long. */
    protected static long value(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
