package io.shale.common.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Binary forms checked against PostgreSQL 15's send functions (numeric_send, interval_send, …). */
@Timeout(10)
class BinaryVectorsTest {
    private static final FormatSettings S = FormatSettings.defaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "numeric|1.50|000200000000000200011388",
        "numeric|0|0000000000000000",
        "numeric|-12345.678|0003000140000003000109291a7c",
        "numeric|0.0001|0001ffff000000040001",
        "numeric|100000|0001000100000000000a",
        "numeric|0.00|0000000000000002",
        "numeric|100000000000000000000|00010005000000000001",
        "numeric|123456789.123456789|0006000200000009000109291a8504d2162e2328",
        "interval|1 year 2 mons 3 days 04:05:06.5|000000036c9361a0000000030000000e",
        "timestamptz|2024-01-02 03:04:05+00|0002b0ec8515f340",
        "timestamp|-infinity|8000000000000000",
        "date|2024-01-02|0000223f",
        "date|infinity|7fffffff",
        "inet|192.168.0.1/24|02180004c0a80001",
        "inet|::1|0380001000000000000000000000000000000001",
        "cidr|10.0.0.0/8|020801040a000000",
        "int4[]|{1,NULL,3}|00000001000000010000001700000003000000010000000400000001ffffffff0000000400000003",
        "text[]|[0:1]={a,b}|000000010000000000000019000000020000000000000001610000000162",
        "int4[]|{}|000000000000000000000017",
        "jsonb|{\"a\":1}|017b2261223a20317d",
        "timetz|03:04:05+05:30|0000000292555340ffffb2a8",
        "int2vector|1 2|0000000100000000000000150000000200000000000000020001000000020002",
        "uuid|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|a0eebc999c0b4ef8bb6d6bb9bd380a11",
    })
    void matchesPostgresSendFunctions(String typeName, String text, String hex) {
        SqlType type = PostgresTextCasesTest.typeOf(typeName);
        Object value = TextCodec.parse(type, text, S);
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(HexFormat.of().formatHex(BinaryCodec.encode(type, value, S))).isEqualTo(hex);
        assertThat(TextCodec.format(type, BinaryCodec.decode(type, bytes, S), S))
                .isEqualTo(TextCodec.format(type, value, S));
    }

    @Test
    void malformedBinaryIs22P03() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BinaryCodec.decode(SqlType.INT4, new byte[3], S))
                .isInstanceOfSatisfying(io.shale.common.error.ShaleException.class,
                        e -> assertThat(e.code().sqlState()).isEqualTo("22P03"));
    }
}
