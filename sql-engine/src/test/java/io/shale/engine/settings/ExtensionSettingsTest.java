package io.shale.engine.settings;

import io.shale.common.error.ErrorCode;
import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The citus.* settings: Citus 13.2's defaults through SHOW, SET and RESET, absent from SHOW ALL. */
@Timeout(10)
class ExtensionSettingsTest {
    private static final SettingsRegistry REGISTRY = SettingsRegistry.postgresDefaults();
    private final Settings settings = REGISTRY.newSession();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "citus.shard_count|32",
        "citus.shard_replication_factor|1",
        "citus.enable_schema_based_sharding|off",
        "citus.override_table_visibility|on",
        "citus.recover_2pc_interval|1min",
        "citus.distributed_deadlock_detection_factor|2",
        "citus.stat_tenants_track|none",
        "citus.max_intermediate_result_size|1GB",
        "citus.multi_shard_modify_mode|parallel",
        "citus.node_connection_timeout|30s",
    })
    void defaults(String name, String shown) {
        assertThat(settings.show(name)).isEqualTo(shown);
        assertThat(settings.show(name.toUpperCase(), true)).isEqualTo(shown);
    }

    @Test
    void setAndReset() {
        settings.set("citus.shard_count", "4", false);
        assertThat(settings.show("citus.shard_count")).isEqualTo("4");
        assertThat(settings.setting("citus.shard_count")).isEqualTo("4");
        settings.reset("citus.shard_count");
        assertThat(settings.show("citus.shard_count")).isEqualTo("32");
        settings.set("citus.multi_shard_modify_mode", "sequential", false);
        assertThat(settings.show("citus.multi_shard_modify_mode")).isEqualTo("sequential");
        settings.resetAll();
        assertThat(settings.show("citus.multi_shard_modify_mode")).isEqualTo("parallel");
    }

    @Test
    void valuesAreValidated() {
        assertThatThrownBy(() -> settings.set("citus.shard_count", "0", false))
                .isInstanceOf(ShaleException.class)
                .hasMessage("0 is outside the valid range for parameter \"citus.shard_count\" (1 .. 64000)");
        assertThatThrownBy(() -> settings.set("citus.multi_shard_modify_mode", "some", false))
                .isInstanceOf(ShaleException.class)
                .hasMessage("invalid value for parameter \"citus.multi_shard_modify_mode\": \"some\"");
        assertThatThrownBy(() -> settings.set("citus.recover_2pc_interval", "10s", false))
                .isInstanceOf(ShaleException.class)
                .hasMessage("parameter \"citus.recover_2pc_interval\" cannot be changed now")
                .extracting(e -> ((ShaleException) e).code()).isEqualTo(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE);
    }

    @Test
    void showAllAndPgSettingsLeaveThemOut() {
        assertThat(settings.showAll()).noneMatch(row -> row[0].startsWith("citus."));
        assertThat(settings.rows()).noneMatch(row -> row.name().startsWith("citus."));
        assertThat(REGISTRY.extensions()).extracting(SettingDefinition::name).contains("citus.shard_count");
    }

    @Test
    void nodeConfigurationChangesTheirDefault() {
        Settings configured = SettingsRegistry.withDefaults(Map.of("citus.shard_count", "8")).newSession();
        assertThat(configured.show("citus.shard_count")).isEqualTo("8");
        assertThat(configured.showAll()).noneMatch(row -> row[0].startsWith("citus."));
    }
}
