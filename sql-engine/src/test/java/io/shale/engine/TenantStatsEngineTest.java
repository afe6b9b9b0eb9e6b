package io.shale.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * citus_stat_tenants on one node: router tasks carry their tenant while citus.stat_tenants_track is 'all' and are
 * counted where they run (here locally), multi-shard tasks are not.
 */
class TenantStatsEngineTest extends DistributionTestBase {
    private static final String COUNTS = "SELECT tenant_attribute, read_count_in_this_period, query_count_in_this_period"
            + " FROM citus_stat_tenants_local ORDER BY tenant_attribute";

    private void accounts() {
        sql.execute("CREATE TABLE accounts (id int, balance int, owner text)");
        sql.execute("SELECT create_distributed_table('accounts', 'id')");
    }

    @Test
    void nothingIsCountedUntilTrackingIsOn() {
        accounts();
        assertThat(sql.value("SHOW citus.stat_tenants_track")).isEqualTo("none");
        sql.execute("INSERT INTO accounts VALUES (1, 10, 'a')");
        sql.execute("SELECT * FROM accounts WHERE id = 1");
        assertThat(sql.query(COUNTS)).isEmpty();
    }

    @Test
    void routerQueriesAreCountedPerDistributionValue() {
        accounts();
        sql.execute("SET citus.stat_tenants_track TO 'all'");
        sql.execute("INSERT INTO accounts VALUES (1, 10, 'a')");
        sql.execute("INSERT INTO accounts VALUES (2, 20, 'b')");
        sql.execute("SELECT * FROM accounts WHERE id = 1");
        sql.execute("SELECT balance FROM accounts WHERE id = 1 AND balance > 0");
        sql.execute("UPDATE accounts SET balance = balance + 1 WHERE id = 2");
        sql.execute("DELETE FROM accounts WHERE id = 3");
        sql.execute("SELECT count(*) FROM accounts");
        sql.execute("INSERT INTO accounts VALUES (4, 1, 'x'), (5, 2, 'y')");
        assertThat(sql.query(COUNTS)).containsExactly(List.of("1", "2", "3"), List.of("2", "0", "2"),
                List.of("3", "0", "1"));
        assertThat(sql.query("SELECT tenant_attribute, score FROM citus_stat_tenants_local(true)"))
                .containsExactly(List.of("1", "3000000000"), List.of("2", "2000000000"), List.of("3", "1000000000"));
        assertThat(sql.value("SELECT count(*) FROM citus_stat_tenants_local"
                + " WHERE cpu_usage_in_this_period >= 0 AND cpu_usage_in_last_period = 0"
                + " AND colocation_id = (SELECT colocationid FROM pg_dist_partition)")).isEqualTo("3");
    }

    @Test
    void theClusterViewNamesTheNodeAndResetForgetsEverything() {
        accounts();
        sql.execute("SET citus.stat_tenants_track TO 'all'");
        sql.execute("SELECT * FROM accounts WHERE id = 7");
        assertThat(sql.query("SELECT nodeid, tenant_attribute, read_count_in_this_period FROM citus_stat_tenants"))
                .containsExactly(List.of(sql.value("SELECT nodeid FROM pg_dist_node"), "7", "1"));
        assertThat(sql.value("SELECT count(*) FROM citus_stat_tenants(true) WHERE score > 0")).isEqualTo("1");
        sql.execute("SELECT citus_stat_tenants_reset()");
        assertThat(sql.query(COUNTS)).isEmpty();
    }

    @Test
    void textTenantsSurviveCommentCharacters() {
        sql.execute("CREATE TABLE docs (owner text, body text)");
        sql.execute("SELECT create_distributed_table('docs', 'owner')");
        sql.execute("SET citus.stat_tenants_track TO 'all'");
        sql.execute("INSERT INTO docs VALUES ('a*/b', 'x')");
        sql.execute("SELECT body FROM docs WHERE owner = 'a*/b'");
        assertThat(sql.query(COUNTS)).containsExactly(List.of("a*/b", "1", "2"));
    }

    @Test
    void schemaTenantsAreNamedAfterTheirSchema() {
        sql.execute("SET citus.enable_schema_based_sharding TO on");
        sql.execute("CREATE SCHEMA tenant_a");
        sql.execute("CREATE SCHEMA tenant_b");
        sql.execute("CREATE TABLE tenant_a.items (id int, v text)");
        sql.execute("CREATE TABLE tenant_a.notes (id int, v text)");
        sql.execute("CREATE TABLE tenant_b.items (id int, v text)");
        sql.execute("CREATE TABLE plain_single (id int)");
        sql.execute("SELECT create_distributed_table('plain_single', NULL)");
        sql.execute("SET citus.stat_tenants_track TO 'all'");
        sql.execute("INSERT INTO tenant_a.items VALUES (1, 'x'), (2, 'y')");
        sql.execute("SELECT * FROM tenant_a.items i JOIN tenant_a.notes n USING (id)");
        sql.execute("SET search_path TO tenant_b");
        sql.execute("SELECT count(*) FROM items");
        sql.execute("UPDATE items SET v = 'z'");
        sql.execute("SELECT * FROM public.plain_single");
        assertThat(sql.query(COUNTS)).containsExactly(List.of("tenant_a", "1", "2"), List.of("tenant_b", "1", "2"));
        assertThat(sql.query("SELECT colocation_id, tenant_attribute FROM citus_stat_tenants ORDER BY 1"))
                .containsExactly(List.of("1", "tenant_a"), List.of("2", "tenant_b"));
    }
}
