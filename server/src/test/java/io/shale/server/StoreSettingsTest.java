package io.shale.server;

import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreSettingsTest {

    @Test
    void defaultsAreDurable() {
        assertThat(StoreSettings.of(Map.of())).isEqualTo(new StoreSettings(false, true, 0, false, 1L << 30));
    }

    @Test
    void settingsAreReadWithPostgresSyntax() {
        assertThat(StoreSettings.of(Map.of("fsync", "off", "shale.store_memory", "64MB", "shale.wal_skip_corrupt", "true",
                "shale.in_memory", "on"))).isEqualTo(new StoreSettings(true, false, 64L << 20, true, 1L << 30));
        assertThat(StoreSettings.of(Map.of("shale.store_memory", "2GB")).memoryBudget()).isEqualTo(2L << 30);
        assertThat(StoreSettings.of(Map.of("shale.store_memory", "4096")).memoryBudget()).isEqualTo(4L << 20);
        assertThat(StoreSettings.of(Map.of("max_wal_size", "2GB")).checkpointWalSize()).isEqualTo(2L << 30);
        assertThat(StoreSettings.of(Map.of("max_wal_size", "512")).checkpointWalSize()).isEqualTo(512L << 20);
    }

    @Test
    void badValuesAreRefusedWithPostgresWording() {
        assertThatThrownBy(() -> StoreSettings.of(Map.of("fsync", "maybe"))).isInstanceOf(ShaleException.class)
                .hasMessage("parameter \"fsync\" requires a Boolean value");
        assertThatThrownBy(() -> StoreSettings.of(Map.of("shale.store_memory", "12 parsecs")))
                .hasMessage("invalid value for parameter \"shale.store_memory\": \"12 parsecs\"");
        assertThatThrownBy(() -> StoreSettings.of(Map.of("shale.store_memory", "10kB")))
                .hasMessage("invalid value for parameter \"shale.store_memory\": \"10kB\"");
        assertThatThrownBy(() -> StoreSettings.of(Map.of("max_wal_size", "16MB")))
                .hasMessage("\"max_wal_size\" must be at least twice \"wal_segment_size\"");
    }

    @Test
    void theInMemoryFlagBecomesTheSetting() {
        Command command = CommandLine.parse(java.util.List.of("node", "--data", "d", "--in-memory", "--port", "0"));
        assertThat(command).isInstanceOfSatisfying(Command.RunNode.class,
                run -> assertThat(run.config().settings()).containsEntry("shale.in_memory", "on"));
    }
}
