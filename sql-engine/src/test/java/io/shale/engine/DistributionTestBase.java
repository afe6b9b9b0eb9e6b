package io.shale.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * A fresh node (in-memory store) per test with one session, for the single-node Citus tests: the
 * node's coordinator group 0 holds every placement.
 */
@Timeout(30)
abstract class DistributionTestBase {
    EngineFixture fixture;
    SqlSession sql;

    @BeforeEach
    void openNode() {
        fixture = new EngineFixture();
        sql = fixture.session();
    }

    @AfterEach
    void closeNode() {
        sql.close();
        fixture.close();
    }
}
