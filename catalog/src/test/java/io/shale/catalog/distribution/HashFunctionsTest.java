package io.shale.catalog.distribution;

import io.shale.common.error.ShaleException;
import io.shale.common.types.Jsonb;
import io.shale.common.types.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every test vector of reference/citus.md §3.4 (Citus regression outputs and PostgreSQL 15 values). */
@Timeout(10)
class HashFunctionsTest {
    private static int hash(SqlType type, Object value) {
        return HashFunctions.hash(type, value);
    }

    @Test
    void citusVectors() {
        assertThat(hash(SqlType.INT4, 123)).isEqualTo(-205084363);
        assertThat(hash(SqlType.INT4, 3)).isEqualTo(-28094569);
        assertThat(hash(SqlType.DATE, LocalDate.of(1997, 8, 8))).isEqualTo(-499701663);
        assertThat(hash(SqlType.INT8, 100L)).isEqualTo(108199381);
        assertThat(hash(SqlType.INT8, 101L)).isEqualTo(-85071814);
        assertThat(hash(SqlType.INT8, -1995148554L)).isEqualTo(Integer.MIN_VALUE);
        assertThat(hash(SqlType.INT8, -1686493264L)).isEqualTo(Integer.MAX_VALUE);
        assertThat(hash(SqlType.INT8, 1L)).isEqualTo(-1905060026);
    }

    @Test
    void integerVectors() {
        assertThat(hash(SqlType.INT4, 0)).isEqualTo(-272711505);
        assertThat(hash(SqlType.INT4, -1)).isEqualTo(385747274);
        assertThat(hash(SqlType.INT8, -1L)).isEqualTo(385747274);
        assertThat(hash(SqlType.INT2, (short) -1)).isEqualTo(385747274);
        assertThat(hash(SqlType.INT2, (short) 5)).isEqualTo(-1330264708);
        assertThat(hash(SqlType.INT4, 5)).isEqualTo(-1330264708);
        assertThat(hash(SqlType.INT8, 5L)).isEqualTo(-1330264708);
        assertThat(hash(SqlType.INT8, 1099511627776L)).isEqualTo(1851357687);
        assertThat(hash(SqlType.INT8, 5000000000L)).isEqualTo(-694934712);
        assertThat(hash(SqlType.INT8, -5000000000L)).isEqualTo(954517114);
        assertThat(hash(SqlType.OID, 123L)).isEqualTo(-205084363);
    }

    @Test
    void textVectors() {
        assertThat(hash(SqlType.TEXT, "")).isEqualTo(-1477818771);
        assertThat(hash(SqlType.TEXT, "a")).isEqualTo(1075015857);
        assertThat(hash(SqlType.TEXT, "ab")).isEqualTo(1718550461);
        assertThat(hash(SqlType.BPCHAR, "ab   ")).isEqualTo(1718550461);
        assertThat(hash(SqlType.TEXT, "abc")).isEqualTo(-785388649);
        assertThat(hash(SqlType.NAME, "abc")).isEqualTo(-785388649);
        assertThat(hash(SqlType.VARCHAR, "abc")).isEqualTo(-785388649);
        assertThat(hash(SqlType.TEXT, "hello")).isEqualTo(-1870292951);
        assertThat(hash(SqlType.TEXT, "tenant_1")).isEqualTo(1054520420);
        assertThat(hash(SqlType.TEXT, "héllo")).isEqualTo(-1340490493);
        assertThat(hash(SqlType.TEXT, "abcdefghijklmnop")).isEqualTo(-2079749669);
        assertThat(hash(SqlType.TEXT, "hello world, this is a longer string!")).isEqualTo(-1018346466);
        assertThat(hash(SqlType.BYTEA, "hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1870292951);
    }

    @Test
    void otherScalarVectors() {
        assertThat(hash(SqlType.UUID, UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))).isEqualTo(1154666245);
        assertThat(hash(SqlType.BOOL, true)).isEqualTo(-1905060026);
        assertThat(hash(SqlType.BOOL, false)).isEqualTo(-272711505);
        assertThat(hash(SqlType.CHAR, "t")).isEqualTo(1686226652);
        assertThat(hash(SqlType.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 0, 0))).isEqualTo(-272711505);
        assertThat(hash(SqlType.TIMESTAMPTZ, Instant.parse("2000-01-01T00:00:00Z"))).isEqualTo(-272711505);
        assertThat(hash(SqlType.TIME, LocalTime.of(0, 0, 1))).isEqualTo(-723906379);
        assertThat(HashFunctions.hashInt8(1_000_000L)).isEqualTo(-723906379);
        assertThat(hash(SqlType.JSONB, Jsonb.parse("{\"a\":1}"))).isEqualTo(1322320426);
    }

    @Test
    void floatVectors() {
        assertThat(hash(SqlType.FLOAT8, 0.0)).isZero();
        assertThat(hash(SqlType.FLOAT8, -0.0)).isZero();
        assertThat(hash(SqlType.FLOAT8, 1.5)).isEqualTo(630860146);
        assertThat(hash(SqlType.FLOAT4, 1.5f)).isEqualTo(630860146);
        assertThat(hash(SqlType.FLOAT8, -1.5)).isEqualTo(-5283968);
        assertThat(hash(SqlType.FLOAT8, Double.NaN)).isEqualTo(-1275764840);
        assertThat(hash(SqlType.FLOAT8, Double.longBitsToDouble(0xFFF8000000000001L))).isEqualTo(-1275764840);
        assertThat(hash(SqlType.FLOAT4, Float.NaN)).isEqualTo(-1275764840);
    }

    @Test
    void numericVectors() {
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("1"))).isEqualTo(1324868424);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("1.0"))).isEqualTo(1324868424);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("5"))).isEqualTo(-1554860272);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("-5"))).isEqualTo(-1554860272);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("12345.678"))).isEqualTo(573919094);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("0.001"))).isEqualTo(1143929985);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("100000000"))).isEqualTo(1324868426);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("1E+8"))).isEqualTo(1324868426);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("0"))).isEqualTo(-1);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("0.000"))).isEqualTo(-1);
    }

    @Test
    void unsupportedTypesAreRefusedByName() {
        assertThatThrownBy(() -> hash(SqlType.RECORD, null))
                .isInstanceOf(ShaleException.class)
                .hasMessage("hashing values of type record is not supported");
        assertThatThrownBy(() -> hash(SqlType.of(16400), "happy"))
                .isInstanceOf(ShaleException.class)
                .hasMessage("hashing values of type with oid 16400 is not supported");
        assertThatThrownBy(() -> hash(SqlType.JSON, "{}"))
                .isInstanceOf(ShaleException.class)
                .hasMessage("could not identify a hash function for type json");
    }
}
