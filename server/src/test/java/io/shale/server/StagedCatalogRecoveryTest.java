package io.shale.server;

import io.shale.cluster.node.CatalogSync.FaultPoint;
import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A catalog staged on a worker whose publish or abort never arrives is settled with the coordinator
 * after {@code shale.staged_catalog_timeout}: published when the coordinator committed it, aborted
 * when its DDL rolled back; reads and writes on the worker go on meanwhile.
 */
@Timeout(120)
class StagedCatalogRecoveryTest {
    @TempDir
    Path data;

    private static LocalCluster.Builder builder() {
        return LocalCluster.builder().nodes(3).setting("fsync", "off").setting(SyncSettings.STAGED_CATALOG_TIMEOUT, "200ms");
    }

    private static List<String> tables(LocalCluster cluster, int node, String name) throws SQLException {
        return rows(cluster.jdbcUrl(node), "select relname from pg_class where relname = '" + name + "'");
    }

    private static void awaitTable(LocalCluster cluster, int node, String name, boolean present) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            if (tables(cluster, node, name).isEmpty() != present && cluster.node(node).engine().replica().stagedVersion() < 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("node " + node + " did not settle on table " + name + " present=" + present);
    }

    @Test
    void aWorkerCutBeforeThePublishPublishesOnceItReachesTheCoordinator() throws Exception {
        try (LocalCluster cluster = builder().inMemory().start()) {
            execute(cluster.jdbcUrl(0), "create table local_rows (a int)");
            cluster.node(0).catalogSync().injectFault(FaultPoint.BEFORE_PUBLISH, () -> cluster.cut(0, 1));
            execute(cluster.jdbcUrl(0), "create table committed_t (a int)");
            cluster.node(0).catalogSync().injectFault(FaultPoint.BEFORE_PUBLISH, null);
            assertThat(tables(cluster, 2, "committed_t")).containsExactly("committed_t");
            assertThat(cluster.node(1).engine().replica().stagedVersion()).isPositive();
            assertThat(tables(cluster, 1, "committed_t")).isEmpty();
            // the staged catalog holds only the DDL lock: reads of the worker's own catalog still work
            assertThat(rows(cluster.jdbcUrl(1), "select count(*) from pg_class where relname = 'local_rows'"))
                    .containsExactly("1");
            cluster.heal(0, 1);
            awaitTable(cluster, 1, "committed_t", true);
            execute(cluster.jdbcUrl(1), "create table after_t (a int)");
            assertThat(tables(cluster, 2, "after_t")).containsExactly("after_t");
        }
    }

    @Test
    void aWorkerCutAfterAStageThatRolledBackAbortsIt() throws Exception {
        try (LocalCluster cluster = builder().inMemory().start()) {
            cluster.node(0).catalogSync().injectFault(FaultPoint.AFTER_STAGE, () -> {
                cluster.cut(0, 1);
                throw new ShaleException(ErrorCode.CONNECTION_FAILURE, "injected failure after the stage");
            });
            assertThatThrownBy(() -> execute(cluster.jdbcUrl(0), "create table rolled_back (a int)"))
                    .hasMessageContaining("injected failure after the stage");
            cluster.node(0).catalogSync().injectFault(FaultPoint.AFTER_STAGE, null);
            assertThat(cluster.node(1).engine().replica().stagedVersion()).isPositive();
            cluster.heal(0, 1);
            awaitTable(cluster, 1, "rolled_back", false);
            assertThat(cluster.node(1).engine().catalog().version()).isEqualTo(cluster.node(0).engine().catalog().version());
            execute(cluster.jdbcUrl(0), "create table next_t (a int)");
            assertThat(tables(cluster, 1, "next_t")).containsExactly("next_t");
        }
    }

    @Test
    void aCoordinatorKilledBeforeThePublishIsAskedAgainAfterItsRestart() throws Exception {
        try (LocalCluster cluster = builder().nodes(2).dataDirectory(data).start()) {
            cluster.node(0).catalogSync().injectFault(FaultPoint.BEFORE_PUBLISH, () -> cluster.cut(0, 1));
            execute(cluster.jdbcUrl(0), "create table survived (a int)");
            cluster.kill(0);
            cluster.heal(0, 1);
            assertThat(tables(cluster, 1, "survived")).isEmpty();
            cluster.restart(0);
            awaitTable(cluster, 1, "survived", true);
            assertThat(rows(cluster.jdbcUrl(1), "select count(*) from survived")).containsExactly("0");
        }
    }
}
