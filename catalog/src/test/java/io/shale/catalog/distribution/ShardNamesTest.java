package io.shale.catalog.distribution;

import io.shale.common.error.ShaleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shard names of reference/citus.md §3.8. */
@Timeout(10)
class ShardNamesTest {
    @Test
    void shortNamesGetTheSuffix() {
        assertThat(ShardNames.shardName("events", ShardNames.FIRST_SHARD_ID)).isEqualTo("events_102008");
        assertThat(ShardNames.shardName("another_partition_table_with_very_long_name", 910020))
                .isEqualTo("another_partition_table_with_very_long_name_910020");
        String fiftySix = "x".repeat(56);
        assertThat(ShardNames.shardName(fiftySix, 102008)).isEqualTo(fiftySix + "_102008");
        assertThat(ShardNames.shardName("x".repeat(57), 102008)).hasSize(63).endsWith("_102008");
    }

    @Test
    void longNamesAreShortenedWithTheirHash() {
        assertThat(ShardNames.shardName("longlonglonglonglonglonglonglonglonglonglonglonglonglonglo_pkey", 5410018))
                .isEqualTo("longlonglonglonglonglonglonglonglonglonglonglo_9e4e3069_5410018");
        assertThat(ShardNames.shardName("another_partition_table_with_very_another_col_partition_col_idx", 910020))
                .isEqualTo("another_partition_table_with_very_another_col_p_a02939b4_910020");
    }

    @Test
    void multibyteCharactersAreNotSplit() {
        String name = "é".repeat(31); // 62 bytes
        String shard = ShardNames.shardName(name, 102008);
        assertThat(shard.getBytes(StandardCharsets.UTF_8).length).isLessThan(64);
        assertThat(shard).startsWith("é".repeat(23) + "_").endsWith("_102008");
    }

    @Test
    void namesOf64BytesAreRefused() {
        assertThatThrownBy(() -> ShardNames.shardName("x".repeat(64), 102008)).isInstanceOf(ShaleException.class)
                .hasMessage("identifier must be less than 64 characters");
    }
}
