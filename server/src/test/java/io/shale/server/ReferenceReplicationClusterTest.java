package io.shale.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;

import static io.shale.server.LocalClusterTest.execute;
import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** A node disabled while a reference table was created gets its placement and rows when it is activated. */
@Timeout(120)
class ReferenceReplicationClusterTest extends ThreeNodeClusterTest {
    @Test
    void activationReplicatesTheReferenceTables() throws SQLException {
        String url = cluster.jdbcUrl(0);
        String address = "'127.0.0.1', " + cluster.port(2);
        execute(url, "select citus_disable_node(" + address + ", synchronous => true)");
        execute(url, "create table colours (id int primary key, name text)");
        execute(url, "insert into colours values (1, 'red'), (2, 'green')");
        execute(url, "select create_reference_table('colours')");
        String shard = rows(url, "select shardid from pg_dist_shard where logicalrelid = 'colours'::regclass")
                .getFirst();
        assertThat(rows(url, "select count(*) from pg_dist_placement where shardid = " + shard)).containsExactly("2");
        execute(url, "select citus_activate_node(" + address + ")");
        // as in Citus, activation does not copy reference tables: the next replication does
        assertThat(rows(url, "select count(*) from pg_dist_placement where shardid = " + shard)).containsExactly("2");
        execute(url, "select replicate_reference_tables()");
        assertThat(rows(url, "select count(*) from pg_dist_placement where shardid = " + shard)).containsExactly("3");
        assertThat(rows(cluster.jdbcUrl(2), "select name from colours_" + shard + " order by id"))
                .containsExactly("red", "green");
        execute(url, "select replicate_reference_tables()");
        assertThat(rows(url, "select count(*) from pg_dist_placement where shardid = " + shard)).containsExactly("3");
    }
}
