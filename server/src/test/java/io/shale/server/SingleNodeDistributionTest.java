package io.shale.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.shale.server.LocalClusterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single node whose coordinator holds the shards, through pgjdbc: create_distributed_table copies the table's rows
 * into its shards with Citus's notices, and queries of the distributed table see them.
 */
@Timeout(60)
class SingleNodeDistributionTest {
    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws SQLException {
        cluster = LocalCluster.builder().nodes(1).inMemory().setting("fsync", "off").start();
        String coordinator = rows(cluster.jdbcUrl(0), "select nodename || ''', ' || nodeport from pg_dist_node").getFirst();
        rows(cluster.jdbcUrl(0), "select citus_set_node_property('" + coordinator + ", 'shouldhaveshards', true)");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void existingRowsMoveIntoTheShards() throws SQLException {
        List<String> notices = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(0)); Statement s = c.createStatement()) {
            s.execute("create table github_events (event_id bigint, repo_id bigint, payload jsonb)");
            s.execute("insert into github_events select g, g % 7, '{}'::jsonb from generate_series(1, 100) g");
            s.execute("select create_distributed_table('github_events', 'repo_id')");
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                notices.add(w.getMessage());
            }
        }
        assertThat(notices).containsExactly("Copying data from local table...", "copying the data has completed");
        assertThat(rows(cluster.jdbcUrl(0), "select count(*), count(distinct repo_id) from github_events"))
                .containsExactly("100|7");
        assertThat(rows(cluster.jdbcUrl(0), "select shardid, shardminvalue, shardmaxvalue from pg_dist_shard"
                + " where logicalrelid = 'github_events'::regclass and shardid = 102026"))
                .containsExactly("102026|268435456|402653183");
        assertThat(rows(cluster.jdbcUrl(0), "select count(*) from citus_shards where table_name = 'github_events'::regclass"
                + " and shard_size > 0")).containsExactly("7");
    }
}
