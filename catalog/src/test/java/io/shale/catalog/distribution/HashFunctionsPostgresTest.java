package io.shale.catalog.distribution;

import io.shale.common.types.ArrayValue;
import io.shale.common.types.Inet;
import io.shale.common.types.Interval;
import io.shale.common.types.Jsonb;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vectors beyond the reference, printed by a scratch PostgreSQL 15 (UTF-8, x86-64) with
 * {@code hashint8}, {@code timestamp_hash}, {@code time_hash}, {@code hashchar}, {@code hashfloat4/8},
 * {@code hash_numeric}, {@code hashbpchar}, {@code hashenum} and {@code jsonb_hash}.
 */
@Timeout(10)
class HashFunctionsPostgresTest {
    private static int hash(SqlType type, Object value) {
        return HashFunctions.hash(type, value);
    }

    @Test
    void extremesAndInfinities() {
        assertThat(HashFunctions.hashInt8(Long.MIN_VALUE)).isEqualTo(-96758253);
        assertThat(HashFunctions.hashInt8(Long.MAX_VALUE)).isEqualTo(-1524351049);
        assertThat(HashFunctions.hashInt4(Integer.MIN_VALUE)).isEqualTo(-1524351049);
        assertThat(HashFunctions.hashInt4(Integer.MAX_VALUE)).isEqualTo(-96758253);
        assertThat(hash(SqlType.TIMESTAMP, LocalDateTime.MAX)).isEqualTo(-1524351049);
        assertThat(hash(SqlType.TIMESTAMP, LocalDateTime.MIN)).isEqualTo(-96758253);
        assertThat(hash(SqlType.TIMESTAMPTZ, Instant.MAX)).isEqualTo(-1524351049);
        assertThat(hash(SqlType.DATE, LocalDate.MAX)).isEqualTo(-96758253);
    }

    @Test
    void dateTimes() {
        assertThat(hash(SqlType.TIMESTAMP, LocalDateTime.parse("2024-05-06T07:08:09.123456"))).isEqualTo(-945251171);
        assertThat(hash(SqlType.TIMESTAMP, LocalDateTime.parse("1999-12-31T23:59:59.999999"))).isEqualTo(385747274);
        assertThat(hash(SqlType.TIMESTAMPTZ, Instant.parse("2024-05-06T07:08:09.123456+02:00"))).isEqualTo(-817907314);
        assertThat(hash(SqlType.TIME, LocalTime.parse("13:14:15.5"))).isEqualTo(-202550533);
    }

    @Test
    void charactersAndFloats() {
        assertThat(hash(SqlType.TEXT, "日本語テキスト")).isEqualTo(-1595187616);
        assertThat(hash(SqlType.CHAR, "\u00e9")).isEqualTo(101673994);
        assertThat(hash(SqlType.CHAR, "")).isEqualTo(-272711505);
        assertThat(hash(SqlType.BPCHAR, "x  y   ")).isEqualTo(722223034);
        assertThat(hash(SqlType.BPCHAR, "")).isEqualTo(-1477818771);
        assertThat(hash(SqlType.BPCHAR, "   ")).isEqualTo(-1477818771);
        assertThat(hash(SqlType.FLOAT4, 1e-40f)).isEqualTo(-439150866);
        assertThat(hash(SqlType.FLOAT8, 1e300)).isEqualTo(318710814);
        assertThat(hash(SqlType.FLOAT8, Double.NEGATIVE_INFINITY)).isEqualTo(-1377680656);
    }

    @Test
    void numerics() {
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("-0.0001234"))).isEqualTo(1402474247);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("123456789012345678901234567890.123"))).isEqualTo(941376409);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("1e-20"))).isEqualTo(-1324868429);
        assertThat(hash(SqlType.NUMERIC, new BigDecimal("99990000"))).isEqualTo(1699550554);
    }

    @Test
    void enumsHashTheirLabelOid() {
        assertThat(HashFunctions.hashEnum(16386)).isEqualTo(1985092789);
        assertThat(HashFunctions.hashEnum(16388)).isEqualTo(-1791866356);
    }

    @Test
    void intervalsTimetzAndInet() {
        assertThat(hash(SqlType.INTERVAL, new Interval(0, 1, 0))).isEqualTo(-2053980660);
        assertThat(hash(SqlType.INTERVAL, new Interval(0, 0, Interval.MICROS_PER_DAY))).isEqualTo(-2053980660);
        assertThat(hash(SqlType.INTERVAL, new Interval(1, 2, 11_045_500_000L))).isEqualTo(487769058);
        assertThat(hash(SqlType.INTERVAL, new Interval(0, 0, -7 * Interval.MICROS_PER_HOUR))).isEqualTo(-272333053);
        assertThat(hash(SqlType.INTERVAL, new Interval(2_136_000_000, 0, 0))).isEqualTo(-420442375);
        assertThat(hash(SqlType.TIMETZ, OffsetTime.parse("12:34:56.789+05:30"))).isEqualTo(-1445374169);
        assertThat(hash(SqlType.TIMETZ, OffsetTime.parse("00:00:00Z"))).isZero();
        assertThat(hash(SqlType.TIMETZ, OffsetTime.parse("23:59:59.999999-11:00"))).isEqualTo(-541875468);
        assertThat(hash(SqlType.INET, Inet.parse("192.168.1.5/24", false))).isEqualTo(-121925536);
        assertThat(hash(SqlType.CIDR, Inet.parse("10.0.0.0/8", true))).isEqualTo(853331015);
        assertThat(hash(SqlType.INET, Inet.parse("::1", false))).isEqualTo(1984372031);
        assertThat(hash(SqlType.INET, Inet.parse("2001:db8::ff00:42:8329/64", false))).isEqualTo(-866683928);
    }

    @Test
    void arrays() {
        assertThat(hash(SqlType.INT4_ARRAY, ArrayValue.of(TypeOids.INT4, 1, 2, 3))).isEqualTo(-325393530);
        assertThat(hash(SqlType.INT4_ARRAY, ArrayValue.empty(TypeOids.INT4))).isEqualTo(1);
        assertThat(hash(SqlType.INT8_ARRAY, new ArrayValue(TypeOids.INT8, new int[] {2, 2}, new int[] {1, 1},
                new Object[] {1L, null, 3L, 4L}))).isEqualTo(-1826470673);
        assertThat(hash(SqlType.TEXT_ARRAY, ArrayValue.of(TypeOids.TEXT, "a", "b"))).isEqualTo(-1103066928);
        assertThat(hash(SqlType.INT4_ARRAY, new ArrayValue(TypeOids.INT4, new int[] {2}, new int[] {0},
                new Object[] {5, 6}))).isEqualTo(-2017468235);
    }

    @Test
    void jsonb() {
        assertThat(hash(SqlType.JSONB, Jsonb.parse("{\"a\":1}"))).isEqualTo(1322320426);
        assertThat(hash(SqlType.JSONB, Jsonb.parse("1"))).isEqualTo(-822615224);
        assertThat(hash(SqlType.JSONB, Jsonb.parse("null"))).isEqualTo(-2147483647);
        assertThat(hash(SqlType.JSONB, Jsonb.parse("\"s\""))).isEqualTo(587959127);
        assertThat(hash(SqlType.JSONB, Jsonb.parse("[]"))).isZero();
        assertThat(hash(SqlType.JSONB, Jsonb.parse("{}"))).isZero();
        assertThat(hash(SqlType.JSONB, Jsonb.parse("[1,\"x\",true,false,null,{\"bb\":[2.50],\"a\":{}}]")))
                .isEqualTo(-1508846757);
        assertThat(hash(SqlType.JSONB, Jsonb.parse("{\"b\":{\"c\":[null,\"日本\"]},\"aa\":-1.5e3}")))
                .isEqualTo(1483900951);
    }
}
