package io.shale.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shard relations resolve by name on the node holding them, and stay out of pg_class listings unless
 * citus.override_table_visibility is off, as in Citus.
 */
class ShardVisibilityTest extends DistributionTestBase {
    @Test
    void shardsAreHiddenFromListingsButResolveByName() {
        sql.execute("CREATE TABLE events (id int PRIMARY KEY, v text)");
        sql.execute("SELECT create_distributed_table('events', 'id', shard_count => 2)");
        assertThat(sql.query("SELECT relname FROM pg_class WHERE relname LIKE 'events%' ORDER BY 1"))
                .containsExactly(List.of("events"), List.of("events_pkey"));
        assertThat(sql.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                .containsExactly(List.of("events"));
        assertThat(sql.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE'")).containsExactly(List.of("events"));
        sql.execute("INSERT INTO events_102008 VALUES (1, 'a')");
        assertThat(sql.query("SELECT * FROM events_102008")).containsExactly(List.of("1", "a"));
        assertThat(sql.value("SELECT 'events_102009'::regclass::oid > 0")).isEqualTo("t");
        sql.execute("SET citus.override_table_visibility = off");
        assertThat(sql.query("SELECT relname FROM pg_class WHERE relname LIKE 'events%' ORDER BY 1")).containsExactly(
                List.of("events"), List.of("events_102008"), List.of("events_102009"), List.of("events_pkey"),
                List.of("events_pkey_102008"), List.of("events_pkey_102009"));
        assertThat(sql.query("SELECT conname FROM pg_constraint WHERE conname LIKE 'events%' ORDER BY 1"))
                .containsExactly(List.of("events_pkey"), List.of("events_pkey_102008"), List.of("events_pkey_102009"));
    }
}
