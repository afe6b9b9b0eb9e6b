package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Citus's node management functions on the coordinator, and their refusal on workers. */
@Timeout(120)
class NodeFunctionsTest extends ThreeNodeClusterTest {
    private static String coordinator() {
        return cluster.jdbcUrl(0);
    }

    private static String node(int i) {
        return "'127.0.0.1', " + cluster.port(i);
    }

    @Test
    void pgDistNodeHasCitusColumnsAndTypes() throws SQLException {
        assertThat(rows(coordinator(), "select * from pg_dist_node where nodeid = 2"))
                .containsExactly("2|1|127.0.0.1|" + cluster.port(1) + "|default|t|t|primary|default|t|t|f|0");
        assertThat(rows(coordinator(), "select pg_typeof(noderole)::text, pg_typeof(nodecluster)::text, "
                + "pg_typeof(nodeport)::text from pg_dist_node limit 1")).containsExactly("noderole|name|integer");
        assertThat(rows(coordinator(), "select nodename, node_port from citus_get_active_worker_nodes() "
                + "as w(nodename, node_port) order by 2").size()).isEqualTo(2);
        assertThat(rows(coordinator(), "select groupid from pg_dist_local_group")).containsExactly("0");
    }

    @Test
    void updatingANodeChecksItsIdAndNewAddress() throws SQLException {
        assertThatThrownBy(() -> execute(coordinator(), "select citus_update_node(99, '127.0.0.1', 1)"))
                .hasMessageContaining("node 99 not found");
        assertThatThrownBy(() -> execute(coordinator(), "select citus_update_node(2, " + node(2) + ")"))
                .hasMessageContaining("there is already another node with the specified hostname and port");
        execute(coordinator(), "select citus_update_node(node_id => 2, new_node_name => '127.0.0.1', new_node_port => "
                + cluster.port(1) + ")");
        assertThat(rows(cluster.jdbcUrl(2), "select nodeport from pg_dist_node where nodeid = 2"))
                .containsExactly(String.valueOf(cluster.port(1)));
        assertThatThrownBy(() -> execute(cluster.jdbcUrl(1), "select citus_update_node(2, " + node(1) + ")"))
                .hasMessageContaining("operation is not allowed on this node");
    }

    @Test
    void addingAKnownNodeReturnsItsId() throws SQLException {
        assertThat(rows(coordinator(), "select citus_add_node(" + node(2) + ")")).containsExactly("3");
        assertThat(rows(coordinator(), "select citus_add_node(nodename => '127.0.0.1', nodeport => " + cluster.port(2)
                + ", groupid => -1, noderole => 'primary'::noderole, nodecluster => 'default')")).containsExactly("3");
        assertThat(rows(coordinator(), "select count(*) from pg_dist_node")).containsExactly("3");
    }

    @Test
    void addingAnUnreachableNodeFailsAsInCitus() throws IOException, SQLException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> execute(coordinator(), "select citus_add_node('127.0.0.1', " + closed + ")"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("connection to the remote node 127.0.0.1:" + closed + " failed with the following error");
        assertThat(rows(coordinator(), "select count(*) from pg_dist_node")).containsExactly("3");
    }

    @Test
    void nodeFunctionsRefuseToRunOnAWorker() {
        for (String call : new String[] {"citus_add_node('127.0.0.1', 1)", "citus_remove_node(" + node(2) + ")",
                "citus_disable_node(" + node(2) + ")", "citus_activate_node(" + node(2) + ")",
                "citus_set_coordinator_host('127.0.0.1')",
                "citus_set_node_property(" + node(2) + ", 'shouldhaveshards', false)"}) {
            assertThatThrownBy(() -> execute(cluster.jdbcUrl(1), "select " + call))
                    .as(call).isInstanceOf(SQLException.class)
                    .hasMessageContaining("operation is not allowed on this node");
        }
    }

    @Test
    void shouldHaveShardsIsTheOnlySettableProperty() throws SQLException {
        execute(coordinator(), "select citus_set_node_property(" + node(2) + ", 'shouldhaveshards', false)");
        for (int i = 0; i < 3; i++) {
            assertThat(rows(cluster.jdbcUrl(i), "select shouldhaveshards from pg_dist_node where nodeid = 3"))
                    .containsExactly("f");
        }
        execute(coordinator(), "select citus_set_node_property(" + node(2) + ", 'shouldhaveshards', true)");
        assertThatThrownBy(() -> execute(coordinator(), "select citus_set_node_property(" + node(2) + ", 'isactive', true)"))
                .hasMessageContaining("only the 'shouldhaveshards' property can be set using this function");
        assertThatThrownBy(() -> execute(coordinator(), "select citus_set_node_property('nowhere', 1, 'shouldhaveshards', true)"))
                .hasMessageContaining("node at \"nowhere:1\" does not exist");
    }

    @Test
    void disablingTheFirstWorkerNeedsSynchronousMode() throws SQLException {
        assertThatThrownBy(() -> execute(coordinator(), "select citus_disable_node(" + node(1) + ")"))
                .hasMessageContaining("disabling the first worker node in the metadata is not allowed");
        execute(coordinator(), "select citus_disable_node(" + node(1) + ", true)");
        assertThat(rows(coordinator(), "select isactive from pg_dist_node where nodeid = 2")).containsExactly("f");
        assertThat(rows(coordinator(), "select count(*) from citus_get_active_worker_nodes()")).containsExactly("1");
        assertThat(rows(coordinator(), "select citus_activate_node(" + node(1) + ")")).containsExactly("2");
        assertThat(rows(cluster.jdbcUrl(1), "select isactive from pg_dist_node where nodeid = 2")).containsExactly("t");
    }

    @Test
    void removingAndAddingAgain() throws SQLException {
        try (LocalCluster two = LocalCluster.builder().nodes(2).inMemory().start()) {
            String worker = "'127.0.0.1', " + two.port(1);
            execute(two.jdbcUrl(0), "select citus_remove_node(" + worker + ")");
            assertThat(rows(two.jdbcUrl(0), "select nodeid from pg_dist_node")).containsExactly("1");
            assertThat(rows(two.jdbcUrl(0), "select citus_add_node(" + worker + ")")).containsExactly("3");
            assertThat(rows(two.jdbcUrl(1), "select nodeid, groupid from pg_dist_node order by 1"))
                    .containsExactly("1|0", "3|2");
            assertThatThrownBy(() -> execute(two.jdbcUrl(0), "select citus_remove_node('127.0.0.1', 1)"))
                    .hasMessageContaining("node at \"127.0.0.1:1\" does not exist");
            execute(two.jdbcUrl(0), "select citus_set_coordinator_host('localhost', 7000)");
            assertThat(rows(two.jdbcUrl(1), "select nodename, nodeport, shouldhaveshards from pg_dist_node where groupid = 0"))
                    .containsExactly("localhost|7000|f");
        }
    }
}
