package io.shale.engine.function;

import io.shale.common.types.Inet;
import io.shale.common.types.SqlType;
import io.shale.common.types.TypeOids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are PostgreSQL 15's output. */
@Timeout(10)
class InetFunctionsTest {
    private static final SqlType INET = SqlType.of(TypeOids.INET);
    private static final SqlType CIDR = SqlType.of(TypeOids.CIDR);
    private final Calls calls = new Calls();

    private static Inet v4(int a, int b, int c, int d, int bits) {
        return new Inet(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}, bits);
    }

    @Test
    void functions() {
        Inet host = v4(192, 168, 1, 5, 24);
        assertThat(host).hasToString("192.168.1.5/24");
        assertThat(v4(192, 168, 1, 5, 32)).hasToString("192.168.1.5");
        assertThat(calls.call("host", List.of(INET), host)).isEqualTo("192.168.1.5");
        assertThat(calls.call("masklen", List.of(INET), host)).isEqualTo(24);
        assertThat(calls.call("network", List.of(INET), host)).hasToString("192.168.1.0/24");
        assertThat(calls.call("broadcast", List.of(INET), host)).hasToString("192.168.1.255/24");
        assertThat(calls.call("netmask", List.of(INET), host)).hasToString("255.255.255.0");
        assertThat(calls.call("text", List.of(INET), v4(192, 168, 1, 5, 32))).isEqualTo("192.168.1.5/32");
        assertThat(calls.call("family", List.of(CIDR), v4(10, 0, 0, 0, 8))).isEqualTo(4);
        byte[] six = new byte[16];
        six[0] = 0x20;
        six[1] = 0x01;
        six[2] = 0x0d;
        six[3] = (byte) 0xb8;
        six[15] = 1;
        assertThat(new Inet(six, 64)).hasToString("2001:db8::1/64");
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 1;
        mapped[13] = 2;
        mapped[14] = 3;
        mapped[15] = 4;
        assertThat(new Inet(mapped, 128)).hasToString("::ffff:1.2.3.4");
    }

    @Test
    void operators() {
        Inet net = v4(192, 168, 1, 0, 24);
        assertThat(calls.binary("<<", INET, INET, v4(192, 168, 1, 5, 32), net)).isEqualTo(true);
        assertThat(calls.binary("<<", INET, INET, net, net)).isEqualTo(false);
        assertThat(calls.binary("<<=", INET, INET, net, net)).isEqualTo(true);
        assertThat(calls.binary(">>", CIDR, INET, net, v4(192, 168, 2, 5, 32))).isEqualTo(false);
        assertThat(calls.binary("<", INET, INET, v4(10, 0, 0, 1, 32), v4(10, 0, 0, 2, 32))).isEqualTo(true);
        assertThat(calls.binary("=", CIDR, CIDR, net, v4(192, 168, 1, 0, 24))).isEqualTo(true);
    }

    @Test
    void sizePretty() {
        assertThat(calls.call("pg_size_pretty", List.of(SqlType.INT8), 10239L)).isEqualTo("10239 bytes");
        assertThat(calls.call("pg_size_pretty", List.of(SqlType.INT8), 10240L)).isEqualTo("10 kB");
        assertThat(calls.call("pg_size_pretty", List.of(SqlType.INT8), 123456789L)).isEqualTo("118 MB");
        assertThat(calls.call("pg_size_pretty", List.of(SqlType.INT8), -123456789L)).isEqualTo("-118 MB");
        assertThat(calls.call("pg_size_pretty", List.of(SqlType.INT8), 10_000_000_000_000_000L)).isEqualTo("9095 TB");
        assertThat(calls.call("pg_size_pretty", List.of(SqlType.NUMERIC), new BigDecimal("1234567.5"))).isEqualTo("1206 kB");
    }
}
